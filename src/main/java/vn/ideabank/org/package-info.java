/**
 * The organisation tree: units of any depth with a materialised path ({@code /1/7/42/}) so that a
 * subtree is one indexed {@code LIKE 'prefix%'} query. Public surface: {@link vn.ideabank.org.UnitService}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation tree", allowedDependencies = { "common" })
package vn.ideabank.org;

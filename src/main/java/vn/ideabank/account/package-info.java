/**
 * People's logins and unit accounts, role bindings (a role held at a unit covers its subtree),
 * personal API tokens, sign-in throttling and the web security configuration.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts and security", allowedDependencies = { "common", "org" })
package vn.ideabank.account;

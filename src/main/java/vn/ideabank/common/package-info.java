/**
 * Shared building blocks kept deliberately small: text normalisation, the caller and its
 * unit-bound grants, errors, web layout helpers and the embedded database. Open to every module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Common", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.ideabank.common;

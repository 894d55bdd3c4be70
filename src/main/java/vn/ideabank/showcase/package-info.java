/**
 * The public showcase, open without signing in: a home page with live totals and featured work,
 * applied models and good practices, each page with Open Graph tags and a QR code for sharing.
 * Reads only public data through other modules' facades (idea's public methods); holds no data
 * of its own. Contest winners and clubs are added when the contest and programme modules exist.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Showcase")
package vn.ideabank.showcase;

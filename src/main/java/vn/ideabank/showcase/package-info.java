/**
 * The public showcase, open without signing in: a home page with live totals and featured work,
 * applied models and good practices, active clubs and contest winners, each page with Open Graph tags
 * and a QR code for sharing. Reads only public data through other modules' facades (idea's public
 * methods, {@code ProgrammeShowcase}, the contest's public results); its only data is the list of
 * contests with published results ({@link vn.ideabank.showcase.PublishedContests}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Showcase", allowedDependencies = { "common", "contest", "idea", "org", "programme" })
package vn.ideabank.showcase;

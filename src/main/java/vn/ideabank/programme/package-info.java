/**
 * Programmes of the movement beyond single ideas: startup projects with the support they received,
 * IP registrations with their status history and deadline reminders, clubs with their activity
 * log, funds and scholarships with their awards, and commendations. Counts the
 * AGRI_STARTUPS_SUPPORTED, CLUBS_FOUNDED and IP_SUPPORTED targets for the target module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Programmes", allowedDependencies = { "common", "idea", "member", "org", "quota" })
package vn.ideabank.programme;

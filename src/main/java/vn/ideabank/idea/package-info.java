/**
 * Ideas and initiatives: what they say (problem, solution, novelty, benefits, scope of
 * application), who wrote them, and their lifecycle from draft to recognition, every step recorded.
 * Public surface: {@link vn.ideabank.idea.IdeaService}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ideas", allowedDependencies = { "common", "member", "org" })
package vn.ideabank.idea;

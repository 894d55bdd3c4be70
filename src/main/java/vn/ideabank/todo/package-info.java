/**
 * "Home = my work": what waits for the signed-in person, by role, with counts and links to the lists
 * filtered to exactly those items. It owns no table: each count comes from a small read model of the
 * module that owns the records ({@code IdeaTodo}, {@code ReviewTodo}, {@code ContestTodo},
 * {@code ReportTodo}, {@code QuotaTodo}), in the caller's scope. Public surface:
 * {@link vn.ideabank.todo.TodoService}, {@link vn.ideabank.todo.Todo}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "To-do home", allowedDependencies = { "account", "common",
		"contest", "idea", "initiative", "org", "quota", "report", "review" })
package vn.ideabank.todo;

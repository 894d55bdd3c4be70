package vn.ideabank.todo.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.todo.Todo;
import vn.ideabank.todo.TodoService;

@RestController
@Tag(name = "Me", description = "The account behind the session or the API token")
class TodoApiController {

	private final TodoService todos;

	private final CurrentCaller callers;

	TodoApiController(TodoService todos, CurrentCaller callers) {
		this.todos = todos;
		this.callers = callers;
	}

	@GetMapping("/api/v1/me/todo")
	@Operation(summary = "What waits for me", description = """
			One section per role the caller holds (an administrator's is the office's), each with its items: \
			kind, count, and the link of the list filtered to exactly those items (with the unit filter when the \
			role is held at one unit); deadline for a judge's entries; status for a member's own ideas; target \
			and expected for the unit's ideas quota. Counted in SQL in the caller's scope; zero counts included.""")
	Todo todo() {
		return todos.of(callers.get());
	}
}

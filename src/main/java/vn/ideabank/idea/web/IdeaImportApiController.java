package vn.ideabank.idea.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.Messages;
import vn.ideabank.common.xlsx.ImportMode;
import vn.ideabank.common.xlsx.ImportProblem;
import vn.ideabank.common.xlsx.RowReport;
import vn.ideabank.common.xlsx.XlsxRejectedException;
import vn.ideabank.idea.IdeaImportService;
import vn.ideabank.idea.IdeaImportService.IdeaImportReport;
import vn.ideabank.idea.IdeaImportService.ImportedIdea;

@RestController
@RequestMapping("/api/v1/ideas/import")
@Tag(name = "Ideas", description = "Ideas and initiatives within the caller's units, their lifecycle and conversation")
class IdeaImportApiController {

	/**
	 * The row report: rows read, ideas created, whether anything was imported, each problem (row, column,
	 * message key, arguments, and the message in the caller's language), the created ideas and the rows
	 * skipped because their idea is already there ({@code created} counts only new ideas).
	 */
	record ImportResponse(int rows, int created, int updated, boolean applied, List<Problem> problems,
			List<ImportedIdea> ideas, List<IdeaImportService.SkippedIdea> skipped) {
	}

	record Problem(int row, String column, String reason, List<Object> args, String message) {
	}

	private final IdeaImportService imports;

	private final CurrentCaller callers;

	private final Messages messages;

	IdeaImportApiController(IdeaImportService imports, CurrentCaller callers, Messages messages) {
		this.imports = imports;
		this.callers = callers;
		this.messages = messages;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Imports ideas from an .xlsx file in the template's columns; 422 when nothing was imported")
	ResponseEntity<ImportResponse> importFile(@RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode) throws IOException {
		Caller caller = callers.get();
		IdeaImportReport result;
		if (file == null || file.isEmpty()) {
			if (!imports.canImport(caller)) {
				throw new ForbiddenException();
			}
			result = IdeaImportReport.rejected(new XlsxRejectedException("xlsx.error.empty"));
		}
		else {
			try (InputStream in = file.getInputStream()) {
				result = imports.importFile(caller, in, mode);
			}
			catch (XlsxRejectedException e) {
				result = IdeaImportReport.rejected(e);
			}
		}
		RowReport r = result.report();
		List<Problem> problems = r.problems().stream().map(this::problem).toList();
		return ResponseEntity.status(r.applied() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
			.body(new ImportResponse(r.rows(), r.created(), r.updated(), r.applied(), problems, result.ideas(),
					result.skipped()));
	}

	private Problem problem(ImportProblem p) {
		return new Problem(p.row(), p.column(), p.reason(), p.args(), messages.get(p.reason(), p.argsArray()));
	}
}

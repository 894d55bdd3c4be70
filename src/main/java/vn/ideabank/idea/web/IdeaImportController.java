package vn.ideabank.idea.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.xlsx.ImportMode;
import vn.ideabank.common.xlsx.XlsxRejectedException;
import vn.ideabank.idea.IdeaImportService;
import vn.ideabank.idea.IdeaImportService.IdeaImportReport;

/** Ideas collected offline, entered many at once from .xlsx: the page, the upload and the template. */
@Controller
@RequestMapping("/ideas/import")
class IdeaImportController {

	private final IdeaImportService imports;

	private final CurrentCaller callers;

	IdeaImportController(IdeaImportService imports, CurrentCaller callers) {
		this.imports = imports;
		this.callers = callers;
	}

	@GetMapping
	String page(Model model) {
		requireImporter(callers.get());
		model.addAttribute("modes", ImportMode.values());
		model.addAttribute("maxRows", imports.maxRows());
		model.addAttribute("maxMegabytes", imports.maxMegabytes());
		return "idea/import";
	}

	@PostMapping
	String importFile(@RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode, Model model, HttpServletResponse response)
			throws IOException {
		Caller caller = callers.get();
		requireImporter(caller);
		IdeaImportReport result;
		if (file == null || file.isEmpty()) {
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
		if (!result.report().applied()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		model.addAttribute("report", result.report());
		model.addAttribute("imported", result.ideas());
		model.addAttribute("skipped", result.skipped());
		model.addAttribute("mode", mode);
		return page(model);
	}

	@GetMapping("/template.xlsx")
	void template(HttpServletResponse response) throws IOException {
		Caller caller = callers.get();
		requireImporter(caller);
		vn.ideabank.common.web.StreamedDownload.send(response, "mau-nhap-y-tuong.xlsx",
				vn.ideabank.common.web.StreamedDownload.XLSX, out -> imports.writeTemplate(caller, out));
	}

	private void requireImporter(Caller caller) {
		if (!imports.canImport(caller)) {
			throw new ForbiddenException();
		}
	}
}

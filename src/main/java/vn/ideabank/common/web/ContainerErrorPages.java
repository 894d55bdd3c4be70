package vn.ideabank.common.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ResourceBundle;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What Tomcat answers itself, before a request reaches the app (a URL or header over
 * {@code server.max-http-request-header-size}, a request line it cannot read): the app's own short Vietnamese
 * page, or problem JSON under {@code /api/}, instead of Tomcat's English "HTTP Status 400" page that names
 * the server. Every error the app itself raises still goes to its error handling as before.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrorPages {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerErrorReport() {
		return factory -> factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(Report.class.getName());
			}
		});
	}

	/** Tomcat's error report, replaced: no server name, no stack trace, the app's words. */
	public static class Report extends ErrorReportValve {

		/** Tomcat answers before Spring's locale resolution: the interface's first language, from the app's bundle. */
		private static final ResourceBundle TEXTS = ResourceBundle.getBundle("i18n/messages", Locale.forLanguageTag("vi"));

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			// as Tomcat's own report: only for a response marked in error and not yet reported, with nothing written
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			String uri = request.getRequestURI() == null ? "" : request.getRequestURI();
			boolean api = uri.startsWith("/api/");
			String title = TEXTS.getString("error.container.title");
			String detail = TEXTS.getString(status == 400 ? "error.container.badRequest" : "error.container.other");
			try {
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				response.setContentType(api ? "application/problem+json" : "text/html");
				Writer w = response.getReporter();
				if (w == null) {
					return;
				}
				if (api) {
					w.write("{\"status\":" + status + ",\"title\":\"" + title + "\",\"detail\":\"" + detail + "\"}");
				}
				else {
					w.write("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
							+ "<body><main><h1>" + title + "</h1><p>" + detail + "</p><p><a href=\"/\">"
							+ TEXTS.getString("error.container.home") + "</a></p></main></body></html>");
				}
			}
			catch (IOException | IllegalStateException e) {
				// the client is gone or the response was taken: nothing more to say
			}
		}
	}
}

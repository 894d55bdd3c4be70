package vn.ideabank.common.web;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.ideabank.common.error.BusinessException;

/** Resolves message keys in the language of the current request. */
@Component
public class Messages {

	private final MessageSource source;

	Messages(MessageSource source) {
		this.source = source;
	}

	public String get(String key, Object... args) {
		return source.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	/** A validation error, resolved through its codes ({@code NotBlank.form.name}, {@code NotBlank}…). */
	public String get(MessageSourceResolvable resolvable) {
		return source.getMessage(resolvable, LocaleContextHolder.getLocale());
	}

	public String of(BusinessException e) {
		return get(e.messageKey(), e.args());
	}
}

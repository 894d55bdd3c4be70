package vn.ideabank.common.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import vn.ideabank.common.text.TextNormalizer;

/** JSON strings entering the API pass through the same normaliser as form fields. */
@Configuration(proxyBeanMethods = false)
class JsonTextNormalization {

	@Bean
	JacksonModule textNormalizingModule() {
		SimpleModule module = new SimpleModule("ideabank-text");
		module.addDeserializer(String.class, new StdScalarDeserializer<String>(String.class) {
			@Override
			public String deserialize(JsonParser p, DeserializationContext ctxt) {
				return TextNormalizer.normalize(p.getValueAsString());
			}
		});
		return module;
	}
}

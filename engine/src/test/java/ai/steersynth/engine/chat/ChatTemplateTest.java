package ai.steersynth.engine.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ChatTemplateTest {

    @Test
    void smolLm2TemplateRendersWhatTransformersRenders() throws IOException {
        JsonNode fixture = fixture("/chat/smollm2-chat-template.json");
        ChatTemplate template = ChatTemplate.forModel(
                fixture.get("template").asString(),
                fixture.get("bosToken").asString(),
                fixture.get("eosToken").asString(),
                "fixture");

        for (JsonNode conversation : fixture.get("conversations")) {
            List<ChatMessage> messages = new ArrayList<>();
            conversation
                    .get("messages")
                    .forEach(m -> messages.add(new ChatMessage(
                            m.get("role").asString(), m.get("content").asString())));

            String rendered = template.render(
                    messages, conversation.get("addGenerationPrompt").asBoolean());

            assertThat(rendered).isEqualTo(conversation.get("expected").asString());
        }
        assertThat(template.isFallback()).isFalse();
    }

    @Test
    void theCapitalOfFrancePromptGetsSmolLmsDefaultSystemTurn() throws IOException {
        JsonNode fixture = fixture("/chat/smollm2-chat-template.json");
        ChatTemplate template = ChatTemplate.forModel(fixture.get("template").asString(), null, null, "fixture");

        String rendered = template.render(List.of(ChatMessage.user("What is the capital of France?")), true);

        assertThat(rendered)
                .isEqualTo("<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face"
                        + "<|im_end|>\n<|im_start|>user\nWhat is the capital of France?<|im_end|>\n"
                        + "<|im_start|>assistant\n");
    }

    @Test
    void raiseExceptionFailsTheRenderWithTheTemplatesMessage() {
        ChatTemplate template = ChatTemplate.forModel(
                "{% if messages[0]['role'] != 'user' %}{{ raise_exception('Conversations must start with a user turn') }}"
                        + "{% endif %}ok",
                null, null, "test");

        assertThat(template.render(List.of(ChatMessage.user("hi")), false)).isEqualTo("ok");
        assertThatThrownBy(() -> template.render(List.of(ChatMessage.assistant("hi")), false))
                .isInstanceOf(ChatTemplateException.class)
                .hasMessageContaining("Conversations must start with a user turn");
    }

    @Test
    void aModelWithoutATemplateFallsBackToChatMl() {
        ChatTemplate template = ChatTemplate.forModel(null, null, null, "test");

        assertThat(template.isFallback()).isTrue();
        assertThat(template.render(List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi")), true))
                .isEqualTo("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n"
                        + "<|im_start|>assistant\n");
    }

    @Test
    void llama3StyleTemplatesWithWhitespaceControlAndPythonMethodsRender() {
        String llama3 = "{{- bos_token }}{%- for message in messages %}"
                + "{{- '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n' + message['content'] | trim "
                + "+ '<|eot_id|>' }}{%- endfor %}"
                + "{%- if add_generation_prompt %}{{- '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{%- endif %}"
                + "{%- if messages[-1]['content'].startswith('Hi') %}[greeting]{%- endif %}";
        ChatTemplate template = ChatTemplate.forModel(llama3, "<|begin_of_text|>", "<|eot_id|>", "test");

        String rendered = template.render(List.of(ChatMessage.user("Hi there  ")), true, Map.of());

        assertThat(rendered)
                .isEqualTo("<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi there<|eot_id|>"
                        + "<|start_header_id|>assistant<|end_header_id|>\n\n[greeting]");
    }

    @Test
    void blockTagsDoNotLeaveNewlinesBehindAsWithJinja2TrimBlocks() {
        ChatTemplate template = ChatTemplate.forModel(
                "{% for message in messages %}\n    {% if message.role == 'user' %}\nU:{{ message.content }}\n"
                        + "    {% endif %}\n{% endfor %}\n",
                null, null, "test");

        assertThat(template.render(List.of(ChatMessage.user("a"), ChatMessage.user("b")), false))
                .isEqualTo("U:a\nU:b\n");
    }

    private static JsonNode fixture(String resource) throws IOException {
        try (InputStream in = ChatTemplateTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JsonMapper.builder().build().readTree(in);
        }
    }
}

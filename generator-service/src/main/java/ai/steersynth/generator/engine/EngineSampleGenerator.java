package ai.steersynth.generator.engine;

import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.contracts.sweep.PositionPolicy;
import ai.steersynth.engine.chat.ChatMessage;
import ai.steersynth.engine.generate.GenerationRequest;
import ai.steersynth.engine.generate.GenerationResult;
import ai.steersynth.engine.generate.GenerationRow;
import ai.steersynth.engine.generate.Generator;
import ai.steersynth.engine.generate.SamplingParameters;
import ai.steersynth.engine.steering.Steering;
import ai.steersynth.engine.steering.SteeringPositions;
import ai.steersynth.generator.domain.GeneratedText;
import ai.steersynth.generator.domain.ResolvedSteering;
import ai.steersynth.generator.domain.SampleGenerator;
import ai.steersynth.generator.domain.SampleJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Generates on the in-JVM engine: each job becomes one row (its chat-templated prompt, its seed,
 * its own steering), and one batch holds rows of many configs.
 */
@Component
class EngineSampleGenerator implements SampleGenerator {

    private final LoadedModels models;

    EngineSampleGenerator(LoadedModels models) {
        this.models = models;
    }

    @Override
    public List<GeneratedText> generate(ModelSource source, List<SampleJob> jobs) {
        LoadedModels.LoadedModel loaded = models.get(source);
        var tokenizer = loaded.files().tokenizer();
        List<GenerationRow> rows = new ArrayList<>();
        for (SampleJob job : jobs) {
            List<ChatMessage> messages = new ArrayList<>();
            if (job.systemMessage() != null) {
                messages.add(ChatMessage.system(job.systemMessage()));
            }
            messages.add(ChatMessage.user(job.userMessage()));
            String prompt = loaded.files().chatTemplate().render(messages, true);
            GenerationRow row = GenerationRow.of(
                    tokenizer.encode(prompt, false),
                    sampling(job),
                    job.seed(),
                    job.decoding().maxNewTokens());
            rows.add(job.steering() == null ? row : row.withSteering(steering(job.steering())));
        }
        List<GenerationResult> results = new Generator(loaded.model())
                .generate(GenerationRequest.of(
                        rows,
                        java.util.Arrays.stream(tokenizer.stopTokenIds())
                                .boxed()
                                .collect(java.util.stream.Collectors.toSet())));
        List<GeneratedText> texts = new ArrayList<>();
        for (GenerationResult result : results) {
            int[] ids = result.tokenIds();
            texts.add(new GeneratedText(
                    tokenizer.decode(ids, true).strip(),
                    ids.length,
                    result.finishReason().name().toLowerCase(Locale.ROOT)));
        }
        return texts;
    }

    private static SamplingParameters sampling(SampleJob job) {
        var decoding = job.decoding();
        return new SamplingParameters((float) decoding.temperature(), decoding.topK(), (float) decoding.topP());
    }

    static Steering steering(ResolvedSteering resolved) {
        if (resolved.firstPromptTokens() > 0) {
            return Steering.actAdd(
                    resolved.layer(), resolved.direction(), resolved.scale(), resolved.firstPromptTokens());
        }
        SteeringPositions positions = resolved.positionPolicy() == PositionPolicy.GENERATION_ONLY
                ? SteeringPositions.generatedOnly()
                : SteeringPositions.promptAndGenerated();
        return new Steering(new int[] {resolved.layer()}, resolved.direction(), resolved.scale(), positions);
    }
}

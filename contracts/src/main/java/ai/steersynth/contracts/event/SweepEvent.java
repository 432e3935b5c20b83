package ai.steersynth.contracts.event;

import ai.steersynth.contracts.sweep.ConfigSpec;
import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.contracts.sweep.SweepSettings;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Sweep lifecycle events on {@code Topics.SWEEPS}, keyed by sweep id. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SweepEvent.SweepCreated.class, name = "SweepCreated"),
    @JsonSubTypes.Type(value = SweepEvent.SweepCancelled.class, name = "SweepCancelled")
})
public sealed interface SweepEvent extends Event {

    /** The sweep's id. */
    String sweepId();

    @Override
    default String key() {
        return sweepId();
    }

    /**
     * A sweep was accepted: every stage learns its settings and configs (incl. original-data configs,
     * which only the trainer handles).
     */
    record SweepCreated(
            String eventId,
            String sweepId,
            Instant occurredAt,
            int schemaVersion,
            String name,
            SweepSettings settings,
            List<ConfigSpec> configs,
            Map<String, ModelSource> modelSources,
            Map<String, String> packContentHashes)
            implements SweepEvent {

        /**
         * @param modelSources the registered source of every model the configs name, by model id (stages
         *     that run the model themselves, such as a local judge or an lm-probe detector, load it from here)
         * @param packContentHashes the content hash of every concept pack the configs name, by concept id, so
         *     a stage can tell a stale pack from the one the sweep was submitted with
         */
        public SweepCreated {
            modelSources = withoutNulls(modelSources);
            packContentHashes = withoutNulls(packContentHashes);
        }

        private static <V> Map<String, V> withoutNulls(Map<String, V> map) {
            if (map == null) {
                return Map.of();
            }
            var copy = new java.util.TreeMap<String, V>();
            map.forEach((key, value) -> {
                if (key != null && value != null) {
                    copy.put(key, value);
                }
            });
            return java.util.Collections.unmodifiableMap(copy);
        }

        /** A sweep announcement that names no model sources or pack hashes (tests, older producers). */
        public SweepCreated(
                String eventId,
                String sweepId,
                Instant occurredAt,
                int schemaVersion,
                String name,
                SweepSettings settings,
                List<ConfigSpec> configs) {
            this(eventId, sweepId, occurredAt, schemaVersion, name, settings, configs, Map.of(), Map.of());
        }
    }

    /** A sweep was cancelled: stages skip its remaining work. */
    record SweepCancelled(String eventId, String sweepId, Instant occurredAt, int schemaVersion, String reason)
            implements SweepEvent {}
}

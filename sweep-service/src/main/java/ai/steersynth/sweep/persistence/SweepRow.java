package ai.steersynth.sweep.persistence;

import ai.steersynth.contracts.sweep.SweepSettings;
import ai.steersynth.sweep.domain.SweepState;
import java.time.Instant;

/** A stored sweep; {@code spec} is the request as JSON, with defaults filled in. */
public record SweepRow(
        String id,
        String name,
        SweepState state,
        String spec,
        String specHash,
        SweepSettings settings,
        String cancelReason,
        Instant createdAt,
        Instant updatedAt) {}

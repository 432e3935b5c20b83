/** Shared value types describing a concept pack (ARCHITECTURE §2). */
package ai.steersynth.contracts.pack;

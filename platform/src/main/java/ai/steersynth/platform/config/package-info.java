/** Auto-configuration that plugs the platform plumbing into every service. */
package ai.steersynth.platform.config;

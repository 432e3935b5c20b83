/** The judge's HTTP API: judge validity reports. */
package ai.steersynth.judge.web;

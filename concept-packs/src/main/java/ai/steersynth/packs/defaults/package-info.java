/** The four default concept packs: written definitions, pinned public sources, and the downloader that fetches them. */
package ai.steersynth.packs.defaults;

package ai.steersynth.engine.steering.extract;

import java.util.Arrays;

/**
 * A token sequence and the range of its positions whose residual is read: {@code [readFrom,
 * tokenIds.length)}, averaged.
 *
 * @param tokenIds the whole sequence as the model sees it (chat template and BOS applied)
 * @param readFrom the first position read; the last read is the sequence's last
 */
public record EncodedText(int[] tokenIds, int readFrom) {

    public EncodedText {
        if (tokenIds == null || tokenIds.length == 0) {
            throw new IllegalArgumentException("an encoded text needs at least one token");
        }
        if (readFrom < 0 || readFrom >= tokenIds.length) {
            throw new IllegalArgumentException(
                    "readFrom " + readFrom + " outside a sequence of " + tokenIds.length + " tokens");
        }
        tokenIds = tokenIds.clone();
    }

    /** Number of positions read. */
    public int readCount() {
        return tokenIds.length - readFrom;
    }

    @Override
    public int[] tokenIds() {
        return tokenIds.clone();
    }

    int length() {
        return tokenIds.length;
    }

    int tokenAt(int position) {
        return tokenIds[position];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncodedText that && readFrom == that.readFrom && Arrays.equals(tokenIds, that.tokenIds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tokenIds) * 31 + readFrom;
    }

    @Override
    public String toString() {
        return "EncodedText[" + tokenIds.length + " tokens, read from " + readFrom + "]";
    }
}

package ai.steersynth.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HalfPrecisionTest {

    @Test
    void everyFiniteFloat16DecodesToSignTimesPowerOfTwoTimesMantissa() {
        for (int bits = 0; bits < 1 << 16; bits++) {
            int exponent = (bits >> 10) & 0x1f;
            if (exponent == 0x1f) {
                continue;
            }
            int mantissa = bits & 0x3ff;
            double magnitude = exponent == 0
                    ? Math.scalb((double) mantissa, -24)
                    : Math.scalb(1.0 + mantissa / 1024.0, exponent - 15);
            double expected = (bits & 0x8000) != 0 ? -magnitude : magnitude;

            assertThat((double) HalfPrecision.float16ToFloat(bits))
                    .as("bits %04x", bits)
                    .isEqualTo(expected);
        }
    }

    @Test
    void float16SpecialValuesKeepTheirMeaning() {
        assertThat(HalfPrecision.float16ToFloat(0x3C00)).isEqualTo(1f);
        assertThat(HalfPrecision.float16ToFloat(0xC000)).isEqualTo(-2f);
        assertThat(HalfPrecision.float16ToFloat(0x7BFF)).isEqualTo(65504f);
        assertThat(HalfPrecision.float16ToFloat(0x0001)).isEqualTo(0x1p-24f);
        assertThat(HalfPrecision.float16ToFloat(0x7C00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(HalfPrecision.float16ToFloat(0xFC00)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(HalfPrecision.float16ToFloat(0x7E00)).isNaN();
        assertThat(Float.floatToRawIntBits(HalfPrecision.float16ToFloat(0x8000)))
                .isEqualTo(0x80000000);
    }

    @Test
    void bfloat16IsTheUpperHalfOfAFloat32() {
        assertThat(HalfPrecision.bfloat16ToFloat(0x3F80)).isEqualTo(1f);
        assertThat(HalfPrecision.bfloat16ToFloat(0xC0A0)).isEqualTo(-5f);
        assertThat(HalfPrecision.bfloat16ToFloat((short) 0xBF40)).isEqualTo(-0.75f);
    }
}

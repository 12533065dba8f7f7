import { describe, expect, it } from "vitest";
import { formatBytes } from "./bytes";

describe("formatBytes", () => {
  it("keeps three significant digits in 1024-based units", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(812)).toBe("812 B");
    expect(formatBytes(18.4 * 1024)).toBe("18.4 KB");
    expect(formatBytes(412 * 2 ** 20)).toBe("412 MB");
    expect(formatBytes(1.234 * 2 ** 30)).toBe("1.23 GB");
    expect(formatBytes(20 * 2 ** 30)).toBe("20.0 GB");
  });

  it("never shows four digits", () => {
    expect(formatBytes(999)).toBe("999 B");
    expect(formatBytes(1000)).toBe("0.98 KB");
    expect(formatBytes(1023 * 2 ** 20)).toBe("1.00 GB");
  });

  it("dashes what is not a size", () => {
    expect(formatBytes(Number.NaN)).toBe("—");
    expect(formatBytes(-1)).toBe("—");
  });
});

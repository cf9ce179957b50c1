/** WCAG 2 colour arithmetic for the association's colours (white label without unreadable buttons). */

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

export function parseHex(hex: string): Rgb | null {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match?.[1]) return null;
  const value = Number.parseInt(match[1], 16);
  return { r: (value >> 16) & 255, g: (value >> 8) & 255, b: value & 255 };
}

export function toHex({ r, g, b }: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, "0")).join("")}`;
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(color: Rgb): number {
  return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b);
}

/** The WCAG contrast ratio of two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const ca = parseHex(a);
  const cb = parseHex(b);
  if (!ca || !cb) return 1;
  const la = relativeLuminance(ca);
  const lb = relativeLuminance(cb);
  const [hi, lo] = la > lb ? [la, lb] : [lb, la];
  return (hi + 0.05) / (lo + 0.05);
}

export interface ReadableColor {
  color: string;
  /** True when the colour had to be darkened to be readable. */
  adjusted: boolean;
  ratio: number;
}

/**
 * The colour itself when it reaches `minimum` contrast against `background`, else the nearest darker shade that does
 * (mixing towards black keeps the hue recognisable).
 */
export function readableOn(color: string, background = "#ffffff", minimum = 4.5): ReadableColor {
  const rgb = parseHex(color);
  if (!rgb) return { color: "#1d4ed8", adjusted: true, ratio: contrastRatio("#1d4ed8", background) };
  const ratio = contrastRatio(color, background);
  if (ratio >= minimum) return { color: toHex(rgb), adjusted: false, ratio };
  for (let step = 1; step <= 20; step++) {
    const factor = 1 - step * 0.05;
    const candidate = toHex({ r: rgb.r * factor, g: rgb.g * factor, b: rgb.b * factor });
    const candidateRatio = contrastRatio(candidate, background);
    if (candidateRatio >= minimum) return { color: candidate, adjusted: true, ratio: candidateRatio };
  }
  return { color: "#000000", adjusted: true, ratio: contrastRatio("#000000", background) };
}

/** A darker shade for hover and pressed states. */
export function darken(color: string, amount = 0.15): string {
  const rgb = parseHex(color);
  if (!rgb) return color;
  const factor = 1 - amount;
  return toHex({ r: rgb.r * factor, g: rgb.g * factor, b: rgb.b * factor });
}

/** A very light tint of a colour, for backgrounds behind dark text. */
export function tint(color: string, amount = 0.9): string {
  const rgb = parseHex(color);
  if (!rgb) return color;
  return toHex({ r: rgb.r + (255 - rgb.r) * amount, g: rgb.g + (255 - rgb.g) * amount, b: rgb.b + (255 - rgb.b) * amount });
}

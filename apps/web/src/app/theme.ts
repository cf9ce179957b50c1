import { useEffect } from "react";
import { darken, readableOn, tint } from "./color";

export const defaultBranding = { primaryColor: "#1d4ed8", accentColor: "#b45309" } as const;

export interface Branding {
  primaryColor: string;
  accentColor: string;
}

/**
 * The app wears the association's colours through CSS variables. Buttons carry white text on the primary colour
 * and links are primary on white, so the colour is darkened until it reaches 4.5:1 against white when needed.
 */
export function applyBranding(branding: Branding | null): void {
  const { primaryColor, accentColor } = branding ?? defaultBranding;
  const primary = readableOn(primaryColor).color;
  const accent = readableOn(accentColor).color;
  const root = document.documentElement.style;
  root.setProperty("--color-primary", primary);
  root.setProperty("--color-primary-hover", darken(primary, 0.18));
  root.setProperty("--color-primary-tint", tint(primary, 0.92));
  root.setProperty("--color-accent", accent);
  root.setProperty("--color-accent-raw", accentColor);
  document.querySelector('meta[name="theme-color"]')?.setAttribute("content", primary);
}

/** Wears a branding while the component is mounted, and the default one afterwards. */
export function useBranding(branding: Branding | null): void {
  const primary = branding?.primaryColor;
  const accent = branding?.accentColor;
  useEffect(() => {
    applyBranding(primary && accent ? { primaryColor: primary, accentColor: accent } : null);
    return () => applyBranding(null);
  }, [primary, accent]);
}

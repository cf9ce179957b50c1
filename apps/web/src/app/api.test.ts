import { describe, expect, it } from "vitest";
import { ApiError, apiUrl, fieldErrorsOf } from "./api";

describe("apiUrl", () => {
  it("prefixes /api/v1 and leaves out empty query values", () => {
    expect(apiUrl("/associations/a/spheres", { q: "jardin potager", mine: undefined, cursor: "", limit: 20 })).toBe(
      "/api/v1/associations/a/spheres?q=jardin+potager&limit=20",
    );
    expect(apiUrl("/session")).toBe("/api/v1/session");
  });
});

describe("fieldErrorsOf", () => {
  it("keys field errors by their path in the body, without the transport prefix", () => {
    const error = new ApiError("VALIDATION_FAILED", "invalid", [
      { path: "body.admin.email", message: "Invalid email" },
      { path: "body.association.slug", message: "bad" },
      { path: "body.admin.email", message: "second message for the same field" },
    ], 400);
    expect(fieldErrorsOf(error)).toEqual({ "admin.email": "Invalid email", "association.slug": "bad" });
  });

  it("has nothing to say about errors that are not the API's", () => {
    expect(fieldErrorsOf(new Error("boom"))).toEqual({});
  });
});

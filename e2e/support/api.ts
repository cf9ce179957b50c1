/**
 * A small API client for preparing journeys (creating accounts, associations…) through the public HTTP API —
 * the same path the web app takes, with cookies and the CSRF header.
 */
export class ApiClient {
  private cookies = new Map<string, string>();
  constructor(private readonly baseUrl: string) {}

  async request<T = unknown>(method: string, url: string, body?: unknown): Promise<T> {
    if (!this.cookies.has("trame_csrf") && method !== "GET") await this.request("GET", "/api/v1/session");
    const res = await fetch(this.baseUrl + url, {
      method,
      headers: {
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...(method !== "GET" ? { "x-csrf-token": this.cookies.get("trame_csrf") ?? "" } : {}),
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    for (const header of res.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const [name, ...rest] = pair!.split("=");
      const value = rest.join("=");
      if (value) this.cookies.set(name!.trim(), value);
      else this.cookies.delete(name!.trim());
    }
    const text = await res.text();
    const data = text ? JSON.parse(text) : undefined;
    if (!res.ok) throw new Error(`${method} ${url} → ${res.status}: ${text}`);
    return data as T;
  }
  get<T = unknown>(url: string) {
    return this.request<T>("GET", url);
  }
  post<T = unknown>(url: string, body?: unknown) {
    return this.request<T>("POST", url, body ?? {});
  }
  patch<T = unknown>(url: string, body?: unknown) {
    return this.request<T>("PATCH", url, body ?? {});
  }
}

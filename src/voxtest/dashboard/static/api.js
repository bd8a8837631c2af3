// Reading the public API with the signed-in key.

export const KEY = "voxtest.apiKey";
export class SignedOut extends Error {}

export async function api(path) {
  const key = sessionStorage.getItem(KEY);
  if (!key) throw new SignedOut("Sign in with an API key.");
  const response = await fetch(path, { headers: { "X-CEKURA-API-KEY": key } });
  if (response.status === 401) {
    throw new SignedOut("That API key was not accepted. Check it and sign in again.");
  }
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    const detail = body.detail ?? JSON.stringify(body);
    throw new Error(`${response.status}: ${detail}`);
  }
  return response;
}

export async function getJson(path) {
  return (await api(path)).json();
}

// A `next`/`previous` link of a DRF page, kept on this origin.
export function samePath(url) {
  if (!url) return null;
  const parsed = new URL(url, location.origin);
  return parsed.pathname + parsed.search;
}


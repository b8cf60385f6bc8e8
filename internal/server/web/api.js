// The JSON API client.

export class APIError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function parse(res) {
  let body = null;
  try { body = await res.json(); } catch (_) { /* not JSON */ }
  if (!res.ok) throw new APIError(res.status, (body && body.error) || res.statusText);
  return body;
}

export async function get(path, params) {
  const q = params ? '?' + new URLSearchParams(params).toString() : '';
  return parse(await fetch(path + q, { headers: { Accept: 'application/json' } }));
}

export async function post(path, body) {
  return parse(await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  }));
}

// query turns a filter state into query parameters, dropping empty ones.
export function query(filters, extra) {
  const p = {};
  for (const [k, v] of Object.entries({ ...filters, ...extra })) {
    if (v !== '' && v !== null && v !== undefined) p[k] = v;
  }
  return p;
}

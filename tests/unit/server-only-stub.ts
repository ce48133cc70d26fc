// jest runs server modules directly; `server-only` would throw outside a React Server bundle.
export {};

// Unit tests log nothing unless asked to (LOG_LEVEL=info npx jest …).
process.env.LOG_LEVEL ??= 'silent';

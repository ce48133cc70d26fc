/** Where Auth.js sends a login that failed (its `pages.error` and `pages.signIn`): app/api/auth/login-failed. */
export const LOGIN_ERROR_PAGE = '/api/auth/login-failed';

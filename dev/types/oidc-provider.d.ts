// oidc-provider 9 ships no type declarations (and @types/oidc-provider lags behind v9). The dev
// stand-ins (dev/oidc-kit, dev/idporten, dev/entra) only need a loose declaration.
declare module 'oidc-provider' {
  /* eslint-disable @typescript-eslint/no-explicit-any */
  const Provider: any;
  export default Provider;
  export const interactionPolicy: any;
  export const errors: any;
  /* eslint-enable @typescript-eslint/no-explicit-any */
}

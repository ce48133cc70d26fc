// Which FIDO2 credentials live in Microsoft Authenticator (passkeys on the phone) and which do not (hardware
// security keys, Windows Hello, other apps). Only the first kind goes with a lost phone; the others must stay.
//
// Source: Microsoft Learn, "Enable passkeys in Microsoft Authenticator" (the two AAGUIDs an administrator allows
// in the passkey (FIDO2) policy for Authenticator), agreeing with the community list of passkey-provider AAGUIDs
// (github.com/passkeydeveloper/passkey-authenticator-aaguids). Check both again when Microsoft adds a platform.
export const AUTHENTICATOR_PASSKEY_AAGUIDS: ReadonlySet<string> = new Set([
  'de1e552d-db1d-4423-a619-566b625cdc84', // Microsoft Authenticator for Android
  '90a3ccdf-635c-4729-a248-9b709135078f', // Microsoft Authenticator for iOS
]);

export function isAuthenticatorPasskey(aaGuid: string | null | undefined): boolean {
  return typeof aaGuid === 'string' && AUTHENTICATOR_PASSKEY_AAGUIDS.has(aaGuid.trim().toLowerCase());
}

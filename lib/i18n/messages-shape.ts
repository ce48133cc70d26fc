// Every locale has every bokmål message key: a missing key fails `tsc` here. This lives in a .ts file
// because skipLibCheck leaves .d.ts files (global.d.ts) unchecked. The other direction and the
// placeholders are checked by tests/unit/messages-parity.test.ts.
import type nb from '@/messages/nb.json';
import type nn from '@/messages/nn.json';
import type en from '@/messages/en.json';

type HasEveryKeyOf<Reference, Messages extends Reference> = Messages;

export type NynorskHasEveryKey = HasEveryKeyOf<typeof nb, typeof nn>;
export type EnglishHasEveryKey = HasEveryKeyOf<typeof nb, typeof en>;

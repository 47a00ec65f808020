import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

// Tokens at rest: AES-256-GCM with a key ring. The first key encrypts; every key decrypts, so a key
// can be rotated by putting a new one first. Each ciphertext names its key by a short id (a hash of
// the key, never the key), so decryption picks the right key without trying them all.
//
// Format: v2.<keyId>.<iv>.<ciphertext>.<tag>, base64url parts. The associated data authenticates the
// version, the key id and the ciphertext's *place*: the row and column it was written for. A
// ciphertext copied to another row or column (say, someone else's connection) does not decrypt
// there, and one cannot be relabelled to another key.
//
// v1 (associated data: version and key id only) is read solely to re-encrypt old rows as v2.

const VERSION = "v2";
const LEGACY_VERSION = "v1";

/** Where a ciphertext lives, e.g. { row: connection id, column: "accessToken" }. */
export type CiphertextPlace = { row: string; column: string };

export class TokenDecryptionError extends Error {
  constructor(reason: string) {
    super(`Stored token cannot be decrypted: ${reason}`);
    this.name = "TokenDecryptionError";
  }
}

export function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 8);
}

const associatedData = (version: string, id: string, place?: CiphertextPlace) =>
  Buffer.from(place ? `${version}.${id}.${place.row}.${place.column}` : `${version}.${id}`);

export function createTokenCipher(keys: readonly Buffer[]) {
  if (keys.length === 0 || keys.some((k) => k.length !== 32)) {
    throw new Error("The token key ring needs at least one 32-byte key");
  }
  const byId = new Map(keys.map((key) => [keyId(key), key]));
  const current = keys[0]!;
  const currentId = keyId(current);

  function open(sealed: string, version: string, place?: CiphertextPlace): string {
    const [sealedVersion, id, iv, ciphertext, tag, ...rest] = sealed.split(".");
    if (sealedVersion !== version || !id || !iv || ciphertext === undefined || !tag || rest.length) {
      throw new TokenDecryptionError(`not a Hublink ${version} token ciphertext`);
    }
    const key = byId.get(id);
    if (!key) throw new TokenDecryptionError(`key ${id} is not in TOKEN_ENCRYPTION_KEY`);
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAAD(associatedData(version, id, place));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
    } catch {
      throw new TokenDecryptionError("the ciphertext was altered, belongs elsewhere, or the key is wrong");
    }
  }

  return {
    encrypt(plaintext: string, place: CiphertextPlace): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", current, iv);
      cipher.setAAD(associatedData(VERSION, currentId, place));
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [
        VERSION,
        currentId,
        iv.toString("base64url"),
        ciphertext.toString("base64url"),
        cipher.getAuthTag().toString("base64url"),
      ].join(".");
    },

    decrypt(sealed: string, place: CiphertextPlace): string {
      return open(sealed, VERSION, place);
    },

    /** A v1 ciphertext (not bound to its place), read once to be re-encrypted as v2. */
    decryptLegacy(sealed: string): string {
      return open(sealed, LEGACY_VERSION);
    },

    /** True when the ciphertext should be written again: an older format, or an older key. */
    needsReencryption(sealed: string): boolean {
      const [version, id] = sealed.split(".");
      return version !== VERSION || id !== currentId;
    },
  };
}

export type TokenCipher = ReturnType<typeof createTokenCipher>;

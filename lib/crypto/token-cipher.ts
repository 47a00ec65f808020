import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

// Tokens at rest: AES-256-GCM with a key ring. The first key encrypts; every key decrypts, so a key
// can be rotated by putting a new one first. Each ciphertext names its key by a short id (a hash of
// the key, never the key), so decryption picks the right key without trying them all.
//
// Format: v1.<keyId>.<iv>.<ciphertext>.<tag>, base64url parts. The key id is also authenticated
// (as associated data), so a ciphertext cannot be relabelled to another key.

const VERSION = "v1";

export class TokenDecryptionError extends Error {
  constructor(reason: string) {
    super(`Stored token cannot be decrypted: ${reason}`);
    this.name = "TokenDecryptionError";
  }
}

export function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 8);
}

export function createTokenCipher(keys: readonly Buffer[]) {
  if (keys.length === 0 || keys.some((k) => k.length !== 32)) {
    throw new Error("The token key ring needs at least one 32-byte key");
  }
  const byId = new Map(keys.map((key) => [keyId(key), key]));
  const current = keys[0]!;
  const currentId = keyId(current);

  return {
    encrypt(plaintext: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", current, iv);
      cipher.setAAD(Buffer.from(`${VERSION}.${currentId}`));
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [VERSION, currentId, iv.toString("base64url"), ciphertext.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
    },

    decrypt(sealed: string): string {
      const [version, id, iv, ciphertext, tag, ...rest] = sealed.split(".");
      if (version !== VERSION || !id || !iv || ciphertext === undefined || !tag || rest.length) {
        throw new TokenDecryptionError("not a Hublink token ciphertext");
      }
      const key = byId.get(id);
      if (!key) throw new TokenDecryptionError(`key ${id} is not in TOKEN_ENCRYPTION_KEY`);
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
        decipher.setAAD(Buffer.from(`${version}.${id}`));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
      } catch {
        throw new TokenDecryptionError("the ciphertext was altered or the key is wrong");
      }
    },

    /** True when the ciphertext was sealed with an older key and should be re-encrypted. */
    needsRotation(sealed: string): boolean {
      return sealed.split(".")[1] !== currentId;
    },
  };
}

export type TokenCipher = ReturnType<typeof createTokenCipher>;

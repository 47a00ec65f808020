import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTokenCipher, TokenDecryptionError } from "./token-cipher";

const token = "ghu_" + "A1b2C3d4".repeat(5);
const oldKey = randomBytes(32);
const newKey = randomBytes(32);

describe("token cipher", () => {
  it("round-trips a token without the token appearing in the ciphertext", () => {
    const cipher = createTokenCipher([newKey]);
    const sealed = cipher.encrypt(token);
    expect(sealed).not.toContain(token);
    expect(sealed).not.toContain(token.slice(4));
    expect(cipher.decrypt(sealed)).toBe(token);
  });

  it("uses a fresh IV each time", () => {
    const cipher = createTokenCipher([newKey]);
    expect(cipher.encrypt(token)).not.toBe(cipher.encrypt(token));
  });

  it("rejects a ciphertext made with a key it does not have", () => {
    const sealed = createTokenCipher([oldKey]).encrypt(token);
    expect(() => createTokenCipher([newKey]).decrypt(sealed)).toThrow(TokenDecryptionError);
  });

  it("rejects a tampered ciphertext, tag or IV", () => {
    const cipher = createTokenCipher([newKey]);
    const parts = cipher.encrypt(token).split(".");
    for (const index of [2, 3, 4]) {
      const tampered = [...parts];
      const bytes = Buffer.from(tampered[index]!, "base64url");
      bytes[0] = bytes[0]! ^ 1;
      tampered[index] = bytes.toString("base64url");
      expect(() => cipher.decrypt(tampered.join("."))).toThrow(/altered/);
    }
    expect(() => cipher.decrypt("ghu_plaintext")).toThrow(TokenDecryptionError);
  });

  it("rejects a ciphertext relabelled with another key's id", () => {
    const ring = createTokenCipher([newKey, oldKey]);
    const sealedWithOld = createTokenCipher([oldKey]).encrypt(token).split(".");
    const sealedWithNew = ring.encrypt(token).split(".");
    sealedWithOld[1] = sealedWithNew[1]!;
    expect(() => ring.decrypt(sealedWithOld.join("."))).toThrow(TokenDecryptionError);
  });

  it("rotates: the new first key encrypts, old keys still decrypt", () => {
    const before = createTokenCipher([oldKey]).encrypt(token);
    const ring = createTokenCipher([newKey, oldKey]);
    expect(ring.decrypt(before)).toBe(token);
    expect(ring.needsRotation(before)).toBe(true);
    const after = ring.encrypt(token);
    expect(ring.needsRotation(after)).toBe(false);
    expect(createTokenCipher([newKey]).decrypt(after)).toBe(token);
  });

  it("refuses a key ring without a 32-byte key", () => {
    expect(() => createTokenCipher([])).toThrow();
    expect(() => createTokenCipher([randomBytes(16)])).toThrow();
  });
});

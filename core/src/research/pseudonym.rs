//! Pseudonymous keys: HMAC-SHA256 under a per-hub secret.

use crate::{Error, Result};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Hex characters of a key (64 bits of the HMAC: collisions are negligible
/// at a hub's scale — about one in 10⁸ for a million ids).
pub const KEY_HEX_LEN: usize = 16;

/// A hub's research secret: 32 random bytes, made on first use and kept by
/// the store. Never exported, never journalled; `Debug` does not show it.
#[derive(Clone, PartialEq, Eq)]
pub struct HubSecret([u8; 32]);

impl std::fmt::Debug for HubSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("HubSecret(..)")
    }
}

impl HubSecret {
    /// A fresh random secret (two random UUIDv4s: 244 random bits from the
    /// operating system's generator).
    pub fn generate() -> HubSecret {
        let mut bytes = [0u8; 32];
        let (a, b) = bytes.split_at_mut(16);
        a.copy_from_slice(uuid::Uuid::new_v4().as_bytes());
        b.copy_from_slice(uuid::Uuid::new_v4().as_bytes());
        HubSecret(bytes)
    }

    /// The secret as 64 lowercase hex characters (for the store only).
    pub fn to_hex(&self) -> String {
        hex(&self.0)
    }

    /// Parses 64 hex characters, as written by [`HubSecret::to_hex`].
    pub fn from_hex(s: &str) -> Result<HubSecret> {
        let bad = || Error::storage("corrupt research secret");
        if s.len() != 64 || !s.is_ascii() {
            return Err(bad());
        }
        let mut bytes = [0u8; 32];
        for (i, b) in bytes.iter_mut().enumerate() {
            let pair = s.get(2 * i..2 * i + 2).ok_or_else(bad)?;
            *b = u8::from_str_radix(pair, 16).map_err(|_| bad())?;
        }
        Ok(HubSecret(bytes))
    }
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

/// Turns identifiers into pseudonymous keys with one hub's secret.
#[derive(Clone)]
pub struct Pseudonymiser {
    keyed: Hmac<Sha256>,
}

impl std::fmt::Debug for Pseudonymiser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pseudonymiser(..)")
    }
}

impl Pseudonymiser {
    /// A pseudonymiser keyed with `secret`.
    pub fn new(secret: &HubSecret) -> Pseudonymiser {
        // HMAC pads a short key with zeros to the block (64 bytes), so
        // keying with the padded block is the same HMAC, and infallible.
        let mut block = [0u8; 64];
        for (b, s) in block.iter_mut().zip(secret.0) {
            *b = s;
        }
        let keyed = <Hmac<Sha256> as hmac::digest::KeyInit>::new(&block.into());
        Pseudonymiser { keyed }
    }

    /// The key of `id` of kind `kind`: the first [`KEY_HEX_LEN`] hex
    /// characters of HMAC-SHA256(secret, `"<kind>:<id>"`).
    pub fn key(&self, kind: &str, id: &str) -> String {
        hex_text(&self.key_hex(kind, id))
    }

    /// The key of a value that already reads `"<kind>:<id>"`.
    pub fn tagged_key(&self, tagged: &str) -> String {
        hex_text(&self.tagged_key_hex(tagged))
    }

    /// [`key`](Self::key) as its hex digits, without an allocation.
    pub(crate) fn key_hex(&self, kind: &str, id: &str) -> [u8; KEY_HEX_LEN] {
        let mut mac = self.keyed.clone();
        mac.update(kind.as_bytes());
        mac.update(b":");
        mac.update(id.as_bytes());
        finish(mac)
    }

    /// [`tagged_key`](Self::tagged_key) as its hex digits, without an
    /// allocation.
    pub(crate) fn tagged_key_hex(&self, tagged: &str) -> [u8; KEY_HEX_LEN] {
        let mut mac = self.keyed.clone();
        mac.update(tagged.as_bytes());
        finish(mac)
    }
}

/// The first [`KEY_HEX_LEN`] lowercase hex digits of the MAC.
fn finish(mac: Hmac<Sha256>) -> [u8; KEY_HEX_LEN] {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let digest = mac.finalize().into_bytes();
    let mut out = [0u8; KEY_HEX_LEN];
    for (pair, b) in out.chunks_exact_mut(2).zip(digest.iter()) {
        pair[0] = DIGITS[usize::from(b >> 4)];
        pair[1] = DIGITS[usize::from(b & 0x0f)];
    }
    out
}

/// Hex digits as text (they are ASCII, so always valid).
pub(crate) fn hex_str(digits: &[u8; KEY_HEX_LEN]) -> &str {
    std::str::from_utf8(digits).unwrap_or_default()
}

fn hex_text(digits: &[u8; KEY_HEX_LEN]) -> String {
    hex_str(digits).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stable_per_secret_and_differ_between_secrets() {
        let s = HubSecret::generate();
        let p = Pseudonymiser::new(&s);
        let k = p.key("volunteer", "0190-abc");
        assert_eq!(k.len(), KEY_HEX_LEN);
        assert_eq!(
            k,
            Pseudonymiser::new(&s.clone()).key("volunteer", "0190-abc")
        );
        assert_eq!(k, p.tagged_key("volunteer:0190-abc"));
        assert_ne!(k, p.key("resident", "0190-abc"));
        assert_ne!(
            k,
            Pseudonymiser::new(&HubSecret::generate()).key("volunteer", "0190-abc")
        );
    }

    #[test]
    fn the_secret_round_trips_as_hex_and_hides_in_debug() {
        let s = HubSecret::generate();
        assert_eq!(HubSecret::from_hex(&s.to_hex()).unwrap(), s);
        assert!(HubSecret::from_hex("zz").is_err());
        assert_eq!(format!("{s:?}"), "HubSecret(..)");
        assert_ne!(s, HubSecret::generate());
    }

    #[test]
    fn hmac_sha256_matches_rfc_4231_case_2() {
        // Key "Jefe", data "what do ya want for nothing?".
        let mac = <Hmac<Sha256> as Mac>::new_from_slice(b"Jefe").unwrap();
        let p = Pseudonymiser { keyed: mac };
        assert_eq!(
            p.tagged_key("what do ya want for nothing?"),
            "5bdcc146bf60754e"
        );
    }
}

//! The reader behind [`crate::convert::input`]: JSON text is parsed once
//! into a [`Node`] tree by `serde_json` (one instantiation of its parser, for
//! `Node`), and every input type is then read from the tree by the small
//! deserializer below.
//!
//! Reading each input type straight from the text with `serde_json` compiled
//! `serde_json`'s parser into every type's reader (1.5–3 KB per type); the
//! tree reader's methods are a `match` and a visitor call, with the errors
//! built by non-generic functions. The messages are `serde_json`'s
//! (`invalid type: null, expected a string`, `missing field`, …) without
//! the position.

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, Expected, MapAccess, SeqAccess, Unexpected,
    VariantAccess, Visitor,
};
use serde::{Deserialize, forward_to_deserialize_any};
use std::fmt;

/// A parsed JSON value, object members in their order.
pub(crate) enum Node {
    Null,
    Bool(bool),
    U64(u64),
    I64(i64),
    F64(f64),
    Str(String),
    Array(Vec<Node>),
    Object(Vec<(String, Node)>),
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::I64(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(Node::U64(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(Node::F64(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::Str(v))
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        Node::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut members = Vec::new();
        while let Some(member) = map.next_entry::<String, Node>()? {
            members.push(member);
        }
        Ok(Node::Object(members))
    }
}

/// A reading error: its message.
#[derive(Debug)]
pub(crate) struct ReadError(pub String);

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ReadError {}

impl de::Error for ReadError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        ReadError(msg.to_string())
    }
    fn invalid_type(unexp: Unexpected, exp: &dyn Expected) -> Self {
        wrong("invalid type", &unexp, exp)
    }
    fn invalid_value(unexp: Unexpected, exp: &dyn Expected) -> Self {
        wrong("invalid value", &unexp, exp)
    }
}

/// `invalid type: null, expected a string`, in `serde_json`'s words (`null`,
/// not serde's `unit value`).
///
/// Written out rather than with `Unexpected`'s `Display`, whose `f64` arm
/// would link the standard float formatting (about 18 KB); a float is
/// written by `serde_json`, as in its own messages.
#[inline(never)]
fn wrong(what: &str, unexp: &Unexpected, exp: &dyn Expected) -> ReadError {
    let found = match *unexp {
        Unexpected::Bool(b) => format!("boolean `{b}`"),
        Unexpected::Unsigned(n) => format!("integer `{n}`"),
        Unexpected::Signed(n) => format!("integer `{n}`"),
        Unexpected::Float(v) => match serde_json::Number::from_f64(v) {
            Some(n) => format!("floating point `{n}`"),
            None => "floating point number".to_string(),
        },
        Unexpected::Char(c) => format!("character `{c}`"),
        Unexpected::Str(s) => format!("string {s:?}"),
        Unexpected::Bytes(_) => "byte array".to_string(),
        Unexpected::Unit => "null".to_string(),
        Unexpected::Option => "Option value".to_string(),
        Unexpected::NewtypeStruct => "newtype struct".to_string(),
        Unexpected::Seq => "sequence".to_string(),
        Unexpected::Map => "map".to_string(),
        Unexpected::Enum => "enum".to_string(),
        Unexpected::UnitVariant => "unit variant".to_string(),
        Unexpected::NewtypeVariant => "newtype variant".to_string(),
        Unexpected::TupleVariant => "tuple variant".to_string(),
        Unexpected::StructVariant => "struct variant".to_string(),
        Unexpected::Other(other) => other.to_string(),
    };
    ReadError(format!("{what}: {found}, expected {exp}"))
}

impl Node {
    fn unexpected(&self) -> Unexpected<'_> {
        match self {
            Node::Null => Unexpected::Unit,
            Node::Bool(b) => Unexpected::Bool(*b),
            Node::U64(n) => Unexpected::Unsigned(*n),
            Node::I64(n) => Unexpected::Signed(*n),
            Node::F64(n) => Unexpected::Float(*n),
            Node::Str(s) => Unexpected::Str(s),
            Node::Array(_) => Unexpected::Seq,
            Node::Object(_) => Unexpected::Map,
        }
    }

    /// The error for this node where `exp` was expected (non-generic).
    #[inline(never)]
    fn invalid(&self, exp: &dyn Expected) -> ReadError {
        wrong("invalid type", &self.unexpected(), exp)
    }
}

fn visit_array<'de, V: Visitor<'de>>(items: &'de [Node], v: V) -> Result<V::Value, ReadError> {
    let mut seq = Seq(items.iter());
    let out = v.visit_seq(&mut seq)?;
    match seq.0.len() {
        0 => Ok(out),
        _ => Err(too_long(items.len())),
    }
}

#[inline(never)]
fn too_long(len: usize) -> ReadError {
    de::Error::invalid_length(len, &"fewer elements in array")
}

fn visit_object<'de, V: Visitor<'de>>(
    members: &'de [(String, Node)],
    v: V,
) -> Result<V::Value, ReadError> {
    v.visit_map(Map {
        members: members.iter(),
        value: None,
    })
}

impl<'de> Deserializer<'de> for &'de Node {
    type Error = ReadError;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, ReadError> {
        match self {
            Node::Null => v.visit_unit(),
            Node::Bool(b) => v.visit_bool(*b),
            Node::U64(n) => v.visit_u64(*n),
            Node::I64(n) => v.visit_i64(*n),
            Node::F64(n) => v.visit_f64(*n),
            Node::Str(s) => v.visit_borrowed_str(s),
            Node::Array(items) => visit_array(items, v),
            Node::Object(members) => visit_object(members, v),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, ReadError> {
        match self {
            Node::Bool(b) => v.visit_bool(*b),
            _ => Err(self.invalid(&v)),
        }
    }

    fn deserialize_i8<V: Visitor<'de>>(self, v: V) -> Result<V::Value, ReadError> {
        self.deserialize_u64(v)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, v: V) -> Result<V::Value, ReadError> {
        self.deserialize_u64(v)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, ReadError> {
        self.deserialize_u64(v)
    }
    fn deserialize_i64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, ReadError> {
        self.deserialize_u64(v)
    }
    fn deserialize_u8<V: Visitor<'de>>(self, v: V) -> Result<V::Value, ReadError> {
        self.deserialize_u64(v)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, v: V) -> Result<V::Value, ReadError> {
        self.deserialize_u64(v)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, ReadError> {
        self.deserialize_u64(v)
    }
    fn deserialize_f32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, ReadError> {
        self.deserialize_u64(v)
    }
    fn deserialize_f64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, ReadError> {
        self.deserialize_u64(v)
    }

    /// Every number type: the visitor gets the number as it was written
    /// (`u64`, `i64` or `f64`, as `serde_json` reads it) and checks the range.
    fn deserialize_u64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, ReadError> {
        match self {
            Node::U64(n) => v.visit_u64(*n),
            Node::I64(n) => v.visit_i64(*n),
            Node::F64(n) => v.visit_f64(*n),
            _ => Err(self.invalid(&v)),
        }
    }

    fn deserialize_char<V: Visitor<'de>>(self, v: V) -> Result<V::Value, ReadError> {
        self.deserialize_str(v)
    }
    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, ReadError> {
        match self {
            Node::Str(s) => v.visit_borrowed_str(s),
            _ => Err(self.invalid(&v)),
        }
    }
    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, ReadError> {
        self.deserialize_str(v)
    }
    fn deserialize_identifier<V: Visitor<'de>>(self, v: V) -> Result<V::Value, ReadError> {
        self.deserialize_str(v)
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, ReadError> {
        match self {
            Node::Null => v.visit_none(),
            _ => v.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value, ReadError> {
        match self {
            Node::Null => v.visit_unit(),
            _ => Err(self.invalid(&v)),
        }
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        v: V,
    ) -> Result<V::Value, ReadError> {
        self.deserialize_unit(v)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        v: V,
    ) -> Result<V::Value, ReadError> {
        v.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, ReadError> {
        match self {
            Node::Array(items) => visit_array(items, v),
            _ => Err(self.invalid(&v)),
        }
    }
    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, v: V) -> Result<V::Value, ReadError> {
        self.deserialize_seq(v)
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        v: V,
    ) -> Result<V::Value, ReadError> {
        self.deserialize_seq(v)
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, ReadError> {
        match self {
            Node::Object(members) => visit_object(members, v),
            _ => Err(self.invalid(&v)),
        }
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, ReadError> {
        self.deserialize_map(v)
    }

    /// A unit variant as its name (`"weekly"`), any other as an object of
    /// one member (`{ "name": content }`), as `serde_json` writes them.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, ReadError> {
        match self {
            Node::Str(s) => v.visit_enum(BorrowedStrDeserializer::new(s)),
            Node::Object(members) => match members.as_slice() {
                [(name, content)] => v.visit_enum(Variant { name, content }),
                _ => Err(self.invalid(&v)),
            },
            _ => Err(self.invalid(&v)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, ReadError> {
        v.visit_unit()
    }

    forward_to_deserialize_any! { i128 u128 bytes byte_buf }
}

struct Seq<'de>(std::slice::Iter<'de, Node>);

impl<'de> SeqAccess<'de> for Seq<'de> {
    type Error = ReadError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, ReadError> {
        match self.0.next() {
            Some(item) => seed.deserialize(item).map(Some),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Map<'de> {
    members: std::slice::Iter<'de, (String, Node)>,
    value: Option<&'de Node>,
}

impl<'de> MapAccess<'de> for Map<'de> {
    type Error = ReadError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ReadError> {
        match self.members.next() {
            Some((key, value)) => {
                self.value = Some(value);
                seed.deserialize(BorrowedStrDeserializer::new(key))
                    .map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, ReadError> {
        match self.value.take() {
            Some(value) => seed.deserialize(value),
            None => Err(no_value()),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.members.len())
    }
}

#[inline(never)]
fn no_value() -> ReadError {
    ReadError("a value was read before its key".to_string())
}

/// An enum variant written as `{ "name": content }`.
struct Variant<'de> {
    name: &'de str,
    content: &'de Node,
}

impl<'de> EnumAccess<'de> for Variant<'de> {
    type Error = ReadError;
    type Variant = &'de Node;

    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, &'de Node), ReadError> {
        let name = seed.deserialize(BorrowedStrDeserializer::<ReadError>::new(self.name))?;
        Ok((name, self.content))
    }
}

impl<'de> VariantAccess<'de> for &'de Node {
    type Error = ReadError;

    fn unit_variant(self) -> Result<(), ReadError> {
        match self {
            Node::Null => Ok(()),
            _ => Err(self.invalid(&"unit variant")),
        }
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, ReadError> {
        seed.deserialize(self)
    }
    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, v: V) -> Result<V::Value, ReadError> {
        self.deserialize_seq(v)
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, ReadError> {
        self.deserialize_map(v)
    }
}

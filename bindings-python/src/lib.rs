//! Python bindings for kringloop (being written).

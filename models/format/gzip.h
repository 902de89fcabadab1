#pragma once
// gzip for the light refresh: PushDeck asks for gzip itself (instead of
// letting QNetworkAccessManager inflate transparently) so that it knows the
// bytes that really crossed the wire and can bound the inflated size.

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace PushDeck {

// Inflates a gzip stream (RFC 1952, also concatenated members). Fails with
// Error::TooLarge when the result would exceed `limit` bytes, and with
// Error::Decode on corrupt or truncated input.
Result<QByteArray> gunzip(QByteArrayView compressed, qint64 limit);
// Compresses `data` as one gzip member (tests, the fault server).
QByteArray gzip(QByteArrayView data);

} // namespace PushDeck

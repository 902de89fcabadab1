#include "format/gzip.h"

#include <QCoreApplication>

#include <zlib.h>

namespace PushDeck {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gzip", text);
}

} // namespace

Result<QByteArray> gunzip(QByteArrayView compressed, qint64 limit)
{
    z_stream stream{};
    // 16 + MAX_WBITS: gzip header and trailer, not raw zlib.
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
        return Error::make(Error::Decode, tr("cannot start inflating the gzip answer"));
    QByteArray out;
    // The text of /metrics compresses about 16:1; grow from there.
    out.resize(qsizetype(std::min<qint64>(limit, std::max<qint64>(64 * 1024, qint64(compressed.size()) * 16))));
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.data()));
    stream.avail_in = uInt(compressed.size());
    qint64 produced = 0;
    int status = Z_OK;
    for (;;) {
        if (produced == out.size()) {
            if (produced >= limit) {
                // Full to the byte: only the end of the stream may follow.
                Bytef probe = 0;
                stream.next_out = &probe;
                stream.avail_out = 1;
                if (inflate(&stream, Z_NO_FLUSH) == Z_STREAM_END && stream.avail_out == 1 && stream.avail_in == 0)
                    break;
                inflateEnd(&stream);
                return Error::make(Error::TooLarge,
                                   tr("the gzip answer inflates to more than the %1 MB limit").arg(double(limit) / 1e6, 0, 'f', 0));
            }
            out.resize(qsizetype(std::min<qint64>(limit, out.size() * 2)));
        }
        stream.next_out = reinterpret_cast<Bytef *>(out.data() + produced);
        stream.avail_out = uInt(std::min<qint64>(out.size() - produced, std::numeric_limits<uInt>::max()));
        const uInt before = stream.avail_out;
        status = inflate(&stream, Z_NO_FLUSH);
        produced += before - stream.avail_out;
        if (status == Z_STREAM_END) {
            // Another member may follow (concatenated gzip is valid gzip).
            if (stream.avail_in == 0)
                break;
            inflateReset(&stream);
            continue;
        }
        if (status == Z_BUF_ERROR && stream.avail_in == 0) {
            inflateEnd(&stream);
            return Error::make(Error::Decode, tr("the gzip answer is truncated"));
        }
        if (status != Z_OK && status != Z_BUF_ERROR) {
            const QString reason = stream.msg ? QString::fromUtf8(stream.msg) : QString::number(status);
            inflateEnd(&stream);
            return Error::make(Error::Decode, tr("the gzip answer is corrupt: %1").arg(reason));
        }
    }
    inflateEnd(&stream);
    out.truncate(qsizetype(produced));
    return out;
}

QByteArray gzip(QByteArrayView data)
{
    z_stream stream{};
    deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.truncate(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return out;
}

} // namespace PushDeck

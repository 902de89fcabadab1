// The protobuf half of the light refresh (lightrefresh.h): /metrics as
// varint-length-delimited io.prometheus.client.MetricFamily messages. Kept
// apart so that only this file sees the protobuf headers.

#include "format/lightrefresh.h"

#include "io/prometheus/client/metrics.pb.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/wire_format_lite.h>

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <climits>
#include <optional>
#include <string_view>

namespace PushDeck {

namespace {

using google::protobuf::io::CodedInputStream;
using google::protobuf::internal::WireFormatLite;

constexpr std::string_view PushTimeName{PushTimeFamily.data(), size_t(PushTimeFamily.size())};
constexpr std::string_view PushFailureName{PushFailureTimeFamily.data(), size_t(PushFailureTimeFamily.size())};

Error decodeError(qsizetype offset, const QString &what)
{
    Error error = Error::make(Error::Decode, QCoreApplication::translate("LightRefresh", "/metrics (protobuf), byte %1: %2")
                                                 .arg(offset)
                                                 .arg(what));
    error.column = int(std::min<qsizetype>(offset + 1, INT_MAX));
    return error;
}

std::optional<double> valueOf(const io::prometheus::client::Metric &metric)
{
    // The gateway types both families as gauges; others are tolerated.
    if (metric.has_gauge())
        return metric.gauge().value();
    if (metric.has_untyped())
        return metric.untyped().value();
    if (metric.has_counter())
        return metric.counter().value();
    return std::nullopt;
}

} // namespace

Result<QList<PushTimes>> scanPushTimesProto(QByteArrayView delimited)
{
    if (delimited.size() > INT_MAX)
        return decodeError(0, QCoreApplication::translate("LightRefresh", "answer larger than 2 GB"));
    const auto *data = reinterpret_cast<const uint8_t *>(delimited.data());
    const int size = int(delimited.size());
    CodedInputStream in(data, size);
    in.SetTotalBytesLimit(INT_MAX);

    QList<PushTimes> out;
    QHash<LabelPairs, qsizetype> index;
    io::prometheus::client::MetricFamily family;
    std::string name;
    while (in.CurrentPosition() < size) {
        const int familyAt = in.CurrentPosition();
        uint32_t length = 0;
        if (!in.ReadVarint32(&length))
            return decodeError(familyAt, QCoreApplication::translate("LightRefresh", "truncated or invalid message length"));
        const int bodyAt = in.CurrentPosition();
        if (length > uint32_t(size - bodyAt))
            return decodeError(familyAt, QCoreApplication::translate("LightRefresh", "message of %1 bytes, only %2 left")
                                             .arg(length)
                                             .arg(size - bodyAt));
        const CodedInputStream::Limit limit = in.PushLimit(int(length));

        // The name is field 1 (first in practice); fields before it are skipped.
        bool haveName = false;
        for (;;) {
            const uint32_t tag = in.ReadTag();
            if (tag == 0) {
                if (in.BytesUntilLimit() > 0)
                    return decodeError(in.CurrentPosition(), QCoreApplication::translate("LightRefresh", "invalid field tag"));
                break;
            }
            if (tag == WireFormatLite::MakeTag(1, WireFormatLite::WIRETYPE_LENGTH_DELIMITED)) {
                if (!WireFormatLite::ReadString(&in, &name))
                    return decodeError(in.CurrentPosition(), QCoreApplication::translate("LightRefresh", "truncated metric family name"));
                haveName = true;
                break;
            }
            if (!WireFormatLite::SkipField(&in, tag))
                return decodeError(in.CurrentPosition(), QCoreApplication::translate("LightRefresh", "malformed field %1")
                                                             .arg(WireFormatLite::GetTagFieldNumber(tag)));
        }

        const bool failure = haveName && name == PushFailureName;
        if (!haveName || (name != PushTimeName && !failure)) {
            // Everything else is skipped unparsed: the bulk of the answer.
            if (!in.Skip(in.BytesUntilLimit()))
                return decodeError(in.CurrentPosition(), QCoreApplication::translate("LightRefresh", "truncated message"));
            in.PopLimit(limit);
            continue;
        }

        if (!family.ParseFromArray(data + bodyAt, int(length)))
            return decodeError(familyAt, QCoreApplication::translate("LightRefresh", "malformed %1 family")
                                             .arg(QString::fromStdString(name)));
        for (int i = 0; i < family.metric_size(); ++i) {
            const io::prometheus::client::Metric &metric = family.metric(i);
            const std::optional<double> value = valueOf(metric);
            if (!value)
                return decodeError(familyAt, QCoreApplication::translate("LightRefresh", "%1 series %2 has no value")
                                                 .arg(QString::fromStdString(name))
                                                 .arg(i + 1));
            LabelPairs labels;
            labels.reserve(metric.label_size());
            for (const auto &pair : metric.label())
                labels.append({QString::fromStdString(pair.name()), QString::fromStdString(pair.value())});
            recordPushTime(out, index, std::move(labels), failure, *value);
        }
        if (!in.Skip(in.BytesUntilLimit()))
            return decodeError(in.CurrentPosition(), QCoreApplication::translate("LightRefresh", "truncated message"));
        in.PopLimit(limit);
    }
    return out;
}

} // namespace PushDeck

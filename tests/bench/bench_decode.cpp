// Decoding a large /api/v1/metrics answer: decodeGroups (simdjson On-Demand)
// against QJsonDocument::fromJson plus a walk into the same Group values (the
// fair baseline: both produce identical output), and against
// QJsonDocument::fromJson alone. The answer is synthesized from a group
// captured from a real gateway (tests/data/metrics_bench_group.json: a gauge
// and an 8-bucket histogram under {job,instance,site}, plus the gateway's two
// push time families), so its shape is exactly the gateway's.
//
//   bench_decode [--groups N] [--repetitions R] [--file answer.json] [--only ours]
//
// Prints medians (wall and thread CPU time; the table and ratios use CPU
// time, which a busy machine disturbs less), the ratios, the peak RSS growth of one decode (each in a
// forked child) and a markdown table row on stdout.

#include "format/metricsdecoder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// pushdeck_models gets this from simdjson's CMake package (privately); the
// classes' layout depends on it, and both must agree on it (ODR).
#ifndef SIMDJSON_THREADS_ENABLED
#define SIMDJSON_THREADS_ENABLED 1
#endif
#include <simdjson.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <functional>

using namespace PushDeck;

using namespace Qt::StringLiterals;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

// N groups from the captured one: unique instances, 20 jobs, 4 sites.
QByteArray synthesize(int groups)
{
    const QByteArray captured = readFile(QStringLiteral(PUSHDECK_SOURCE_DIR "/tests/data/metrics_bench_group.json"));
    const QByteArray head = R"({"status":"success","data":[)";
    if (!captured.startsWith(head) || !captured.endsWith("]}"))
        qFatal("unexpected shape of metrics_bench_group.json");
    const QByteArray group = captured.mid(head.size(), captured.size() - head.size() - 2);
    static const char *const sites[] = {"fra1", "ams3", "nyc1", "sgp1"};

    QByteArray json;
    json.reserve(qsizetype(groups) * (group.size() + 32) + head.size() + 2);
    json += head;
    for (int i = 0; i < groups; ++i) {
        QByteArray g = group;
        g.replace(R"("instance":"db-0001")", QByteArray(R"("instance":"db-)" + QByteArray::number(i).rightJustified(5, '0') + '"'));
        g.replace(R"("job":"backup")", QByteArray(R"("job":"backup-)" + QByteArray::number(i % 20) + '"'));
        g.replace(R"("site":"fra1")", QByteArray(R"("site":")" + QByteArray(sites[i % 4]) + '"'));
        if (i)
            json += ',';
        json += g;
    }
    json += "]}";
    return json;
}

// ---- The baseline: the same decode on top of QJsonDocument ----------------

double qjsonNumber(const QJsonValue &v)
{
    const QString s = v.toString();
    char buffer[64];
    if (s.size() >= qsizetype(sizeof buffer))
        qFatal("long number");
    qsizetype n = 0;
    for (QChar c : s)
        buffer[n++] = char(c.unicode());
    const char *first = buffer;
    if (n && *first == '+')
        ++first;
    double d = 0;
    const auto [ptr, ec] = std::from_chars(first, buffer + n, d);
    if (ec != std::errc() || ptr != buffer + n)
        qFatal("bad number");
    return d;
}

LabelPairs qjsonLabels(const QJsonObject &object)
{
    LabelPairs labels;
    labels.reserve(object.size());
    for (auto it = object.begin(); it != object.end(); ++it)
        labels.append({it.key(), it.value().toString()});
    if (!std::is_sorted(labels.cbegin(), labels.cend()))
        std::sort(labels.begin(), labels.end());
    return labels;
}

MetricType qjsonType(const QString &type)
{
    if (type == u"COUNTER") return MetricType::Counter;
    if (type == u"GAUGE") return MetricType::Gauge;
    if (type == u"HISTOGRAM") return MetricType::Histogram;
    if (type == u"SUMMARY") return MetricType::Summary;
    return MetricType::Untyped;
}

MetricFamily qjsonFamily(const QString &name, const QJsonObject &object)
{
    MetricFamily f;
    f.name = name;
    f.type = qjsonType(object.value("type"_L1).toString());
    f.help = object.value("help"_L1).toString();
    const QJsonArray metrics = object.value("metrics"_L1).toArray();
    f.series.reserve(metrics.size());
    for (const QJsonValue &m : metrics) {
        const QJsonObject o = m.toObject();
        Series s;
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString key = it.key();
            if (key == u"labels") {
                s.labels = qjsonLabels(it.value().toObject());
            } else if (key == u"value") {
                s.value = qjsonNumber(it.value());
            } else if (key == u"sum") {
                s.sum = qjsonNumber(it.value());
            } else if (key == u"count") {
                s.count = qjsonNumber(it.value());
            } else if (key == u"buckets") {
                const QJsonObject buckets = it.value().toObject();
                for (auto b = buckets.begin(); b != buckets.end(); ++b)
                    s.buckets.append({qjsonNumber(QJsonValue(b.key())), qjsonNumber(b.value())});
                std::stable_sort(s.buckets.begin(), s.buckets.end(),
                                 [](const Bucket &a, const Bucket &b) { return a.upperBound < b.upperBound; });
            } else if (key == u"quantiles") {
                const QJsonObject quantiles = it.value().toObject();
                for (auto q = quantiles.begin(); q != quantiles.end(); ++q)
                    s.quantiles.append({qjsonNumber(QJsonValue(q.key())), qjsonNumber(q.value())});
                std::stable_sort(s.quantiles.begin(), s.quantiles.end(),
                                 [](const Quantile &a, const Quantile &b) { return a.quantile < b.quantile; });
            }
        }
        f.series.append(std::move(s));
    }
    return f;
}

QList<Group> decodeWithQJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("QJsonDocument: %s", qPrintable(error.errorString()));
    QList<Group> groups;
    const QJsonArray data = doc.object().value("data"_L1).toArray();
    groups.reserve(data.size());
    for (const QJsonValue &value : data) {
        const QJsonObject object = value.toObject();
        Group group;
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString name = it.key();
            if (name == u"labels") {
                // (A family named "labels" is beyond this baseline.)
                auto key = GroupingKey::fromLabels(qjsonLabels(it.value().toObject()));
                if (!key)
                    qFatal("QJsonDocument baseline: %s", qPrintable(key.errorString()));
                group.key = std::move(key).value();
            } else if (name == u"last_push_successful") {
                group.lastPushSuccessful = it.value().toBool();
            } else {
                MetricFamily f = qjsonFamily(name, it.value().toObject());
                if (name == PushTimeFamily)
                    group.pushTime = f.series.value(0).value;
                else if (name == PushFailureTimeFamily)
                    group.pushFailureTime = f.series.value(0).value;
                else
                    group.families.append(std::move(f));
            }
        }
        groups.append(std::move(group));
    }
    return groups;
}

// ---- Where the time goes: simdjson without building any Qt value ----------

// Walks every group's fields the way decodeGroups does, converting nothing:
// the floor that parsing alone sets under decodeGroups.
qsizetype simdjsonWalkOnly(const QByteArray &json)
{
    namespace od = simdjson::ondemand;
    static od::parser parser;
    const simdjson::padded_string padded(json.constData(), size_t(json.size()));
    od::document doc = parser.iterate(padded);
    qsizetype fields = 0;
    for (auto rootField : doc.get_object()) {
        od::field field = std::move(rootField);
        if (field.key().unsafe_is_equal("data")) {
            for (auto group : field.value().get_array()) {
                for (auto groupField : group.get_object()) {
                    od::field f = std::move(groupField);
                    (void)f.value().raw_json_token(); // touch, then let the iterator skip it
                    ++fields;
                }
            }
        }
    }
    return fields;
}

// ---- Measuring -------------------------------------------------------------

bool sameGroups(const QList<Group> &a, const QList<Group> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].key != b[i].key || a[i].pushTime != b[i].pushTime || a[i].pushFailureTime != b[i].pushFailureTime
            || a[i].lastPushSuccessful != b[i].lastPushSuccessful || a[i].families.size() != b[i].families.size())
            return false;
        for (qsizetype f = 0; f < a[i].families.size(); ++f) {
            if (!sameFamily(a[i].families[f], b[i].families[f]))
                return false;
        }
    }
    return true;
}

// Wall time, and the CPU time of this thread: on a busy machine the latter
// stays comparable between runs.
struct Timing
{
    double wallMs = 0;
    double cpuMs = 0;
};

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// The results are destroyed outside the measured time: callers keep them.
template<typename Run>
Timing median(int repetitions, Run &&run)
{
    QList<double> wall, cpu;
    for (int i = 0; i < repetitions; ++i) {
        QElapsedTimer timer;
        timer.start();
        const double cpuStart = threadCpuMs();
        [[maybe_unused]] auto result = run();
        cpu.append(threadCpuMs() - cpuStart);
        wall.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

qint64 residentKb()
{
    QFile statm(u"/proc/self/statm"_s);
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * (sysconf(_SC_PAGESIZE) / 1024) : 0;
}

// Peak RSS growth of one run in a fresh child, so that nothing the parent
// allocated earlier (a warm parser, freed but retained heap) hides the cost.
double peakGrowthMb(const std::function<void()> &run)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    const pid_t pid = fork();
    if (pid == 0) {
        ::close(fds[0]);
        const qint64 before = residentKb();
        run();
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        const qint64 growth = usage.ru_maxrss - before;
        const ssize_t written = write(fds[1], &growth, sizeof growth);
        _exit(written == sizeof growth ? 0 : 1);
    }
    ::close(fds[1]);
    qint64 growth = -1;
    if (read(fds[0], &growth, sizeof growth) != sizeof growth)
        growth = -1;
    ::close(fds[0]);
    waitpid(pid, nullptr, 0);
    return double(growth) / 1024.0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Times decodeGroups against QJsonDocument on a large /api/v1/metrics answer."_s);
    parser.addHelpOption();
    parser.addOption({u"groups"_s, u"Groups to synthesize (default 10000)."_s, u"n"_s, u"10000"_s});
    parser.addOption({u"repetitions"_s, u"Runs per method; the median is reported (default 9)."_s, u"r"_s, u"9"_s});
    parser.addOption({u"only"_s, u"\"ours\": time decodeGroups only (for profiling)."_s, u"which"_s});
    parser.addOption({u"file"_s, u"Decode this captured answer instead of a synthesized one."_s, u"path"_s});
    parser.process(app);
    const int repetitions = std::max(1, parser.value(u"repetitions"_s).toInt());

    const QByteArray json = parser.isSet(u"file"_s) ? readFile(parser.value(u"file"_s))
                                                    : synthesize(parser.value(u"groups"_s).toInt());

    // Memory first, each in a fresh child.
    const bool onlyOurs = parser.value(u"only"_s) == u"ours";
    const double simdjsonPeak = onlyOurs ? 0 : peakGrowthMb([&] { (void)decodeGroups(json); });
    const double qjsonPeak = onlyOurs ? 0 : peakGrowthMb([&] { (void)decodeWithQJson(json); });

    QElapsedTimer cold;
    cold.start();
    const auto ours = decodeGroups(json);
    const double coldMs = double(cold.nsecsElapsed()) / 1e6;
    if (!ours.ok())
        qFatal("decodeGroups: %s", qPrintable(ours.errorString()));
    const QList<Group> theirs = onlyOurs ? *ours : decodeWithQJson(json);
    if (!sameGroups(*ours, theirs))
        qFatal("decodeGroups and the QJsonDocument baseline disagree");
    const qsizetype groups = ours->size();
    qsizetype series = 0;
    for (const Group &g : *ours)
        series += g.seriesCount();

    const Timing simdjson = median(repetitions, [&] {
        auto result = decodeGroups(json);
        if (!result.ok())
            qFatal("decodeGroups failed");
        return result;
    });
    if (parser.value(u"only"_s) == u"ours")
        return 0;
    const Timing qjsonWalk = median(repetitions, [&] { return decodeWithQJson(json); });
    const Timing qjsonParse = median(repetitions, [&] {
        QJsonDocument doc = QJsonDocument::fromJson(json);
        if (doc.isNull())
            qFatal("QJsonDocument failed");
        return doc;
    });
    const Timing walkOnly = median(repetitions, [&] { return simdjsonWalkOnly(json); });

    const double mb = double(json.size()) / 1e6;
    std::printf("answer: %.1f MB, %lld groups, %lld series; medians of %d runs, wall (CPU of this thread)\n", mb,
                qlonglong(groups), qlonglong(series), repetitions);
    std::printf("decodeGroups (simdjson On-Demand): %8.1f ms (%.1f ms), %.0f MB/s; first call %.1f ms\n",
                simdjson.wallMs, simdjson.cpuMs, mb / simdjson.cpuMs * 1000, coldMs);
    std::printf("QJsonDocument::fromJson + walk:    %8.1f ms (%.1f ms)\n", qjsonWalk.wallMs, qjsonWalk.cpuMs);
    std::printf("QJsonDocument::fromJson alone:     %8.1f ms (%.1f ms)\n", qjsonParse.wallMs, qjsonParse.cpuMs);
    std::printf("simdjson walk, no conversion:      %8.1f ms (%.1f ms)\n", walkOnly.wallMs, walkOnly.cpuMs);
    std::printf("speed-up (CPU): %.1fx against the same decode on QJsonDocument, %.1fx against its parse alone\n",
                qjsonWalk.cpuMs / simdjson.cpuMs, qjsonParse.cpuMs / simdjson.cpuMs);
    std::printf("peak RSS growth of one decode: decodeGroups %.1f MB, QJsonDocument + walk %.1f MB\n\n",
                simdjsonPeak, qjsonPeak);
    std::printf("| answer | decodeGroups | QJsonDocument + walk | QJsonDocument::fromJson only | simdjson walk only | speed-up vs + walk / vs parse only | peak RSS growth (ours / QJson) |\n");
    std::printf("|---|---|---|---|---|---|---|\n");
    std::printf("| %.1f MB, %lld groups, %lld series | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1fx / %.1fx | %.0f MB / %.0f MB |\n",
                mb, qlonglong(groups), qlonglong(series), simdjson.cpuMs, qjsonWalk.cpuMs, qjsonParse.cpuMs,
                walkOnly.cpuMs, qjsonWalk.cpuMs / simdjson.cpuMs, qjsonParse.cpuMs / simdjson.cpuMs, simdjsonPeak,
                qjsonPeak);
    return 0;
}

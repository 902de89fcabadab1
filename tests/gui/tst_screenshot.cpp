// `pushdeck --demo --screenshot FILE` renders a populated window offscreen.

#include "testgateway.h"

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace PushDeck;

using namespace Qt::StringLiterals;

// PUSHDECK_GUI_BINARY: the CMake rule makes this test depend on the binaries.
static const QString guiBinary = QStringLiteral(PUSHDECK_BINARY_DIR "/app/pushdeck");

class TestScreenshot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void helpAndVersion()
    {
        QProcess process;
        process.start(guiBinary, {u"--help"_s});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        const QByteArray help = process.readAllStandardOutput();
        QVERIFY(help.contains("--demo"));
        QVERIFY(help.contains("--screenshot"));
        QVERIFY(help.contains("--gateway"));
    }

    void demoScreenshot()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"shot.png"_s);
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
        env.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data"_s));
        process.setProcessEnvironment(env);
        process.start(guiBinary, {u"--demo"_s, u"--screenshot"_s, file});
        QVERIFY(process.waitForFinished(90000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QImage image(file);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800);
        QVERIFY(image.height() >= 500);
    }
};

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"

#include "ctlrunner.h"

#include <QProcess>

namespace PushDeck {

QString ctlBinary()
{
    return QStringLiteral(PUSHDECK_BINARY_DIR "/app/pushdeckctl");
}

QString CtlRun::describe() const
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(exitCode)
        .arg(QString::fromUtf8(out.left(4000)), QString::fromUtf8(err.left(4000)));
}

CtlRun runCtl(const QStringList &arguments, const QByteArray &input, const QProcessEnvironment &environment, int timeoutMs)
{
    QProcess process;
    QProcessEnvironment env = environment;
    env.remove(QStringLiteral("PUSHDECK_GATEWAY"));
    process.setProcessEnvironment(env);
    process.start(ctlBinary(), arguments);
    CtlRun run;
    if (!process.waitForStarted(10000)) {
        run.err = process.errorString().toUtf8();
        return run;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = "timed out";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace PushDeck

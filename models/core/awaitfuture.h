#pragma once
// Blocks on a QFuture while running the calling thread's event loop, so that
// network replies keep being processed. For the CLI and tests only: the GUI
// never waits like this.

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QTimer>

namespace PushDeck {

template<typename T>
T awaitFuture(QFuture<T> future)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    // A cancelled future has no result: T's default says so.
    if (future.resultCount() == 0)
        return T{};
    return future.result();
}

} // namespace PushDeck

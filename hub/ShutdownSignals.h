#pragma once

#include <QObject>
#include <memory>

class QSocketNotifier;

// SIGTERM and SIGINT as a Qt signal, so a service manager's stop or a
// Ctrl-C ends the hub between two events: no transaction is cut in half
// (the hub is single-threaded, every command commits before the event loop
// runs again), event streams are closed and the database is closed cleanly.
// The signals are blocked and read from a signalfd watched by a
// QSocketNotifier, rather than handled asynchronously, so nothing runs in
// signal context. Construct it before any thread starts: threads inherit
// the blocked mask, which keeps the signals for this file descriptor.
class ShutdownSignals : public QObject
{
    Q_OBJECT
public:
    explicit ShutdownSignals(QObject* parent = nullptr);
    ~ShutdownSignals() override;

Q_SIGNALS:
    void received(const QString& name);

private:
    void read();

    int m_fd = -1;
    std::unique_ptr<QSocketNotifier> m_notifier;
};

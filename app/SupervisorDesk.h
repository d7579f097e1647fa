#pragma once

#include <QObject>
#include <memory>

class QAction;
class QMainWindow;
class Store;
class SupervisorAccess;
class SupervisorBoard;
class SupervisorSettings;
class SupervisorView;
class SyncController;
class SyncEngineSupervisorSource;

// The supervisor board on a desk. Once sync is online it asks the backend
// whether this account may see the centre's figures (the hub answers 403 to
// agents); only then does the window get View → Supervisor board, which
// opens the board in a window of its own. Agents never see the entry. The
// board reads through the desk's sync engine (its token and connections)
// and the drill-down reads customers from the desk's store first.
class SupervisorDesk : public QObject
{
    Q_OBJECT
public:
    SupervisorDesk(SyncController& sync, QMainWindow& window, Store* store, QObject* parent = nullptr);
    ~SupervisorDesk() override;

    // Whether the backend said yes (false until it has answered).
    bool isAllowed() const;
    // Null until allowed.
    QAction* openAction() const { return m_action; }
    // Opens (or raises) the board; does nothing unless allowed.
    void open();
    // Null until opened.
    SupervisorView* view() const { return m_view.get(); }
    SupervisorBoard* board() const { return m_board.get(); }

Q_SIGNALS:
    void accessDecided(bool allowed);

private:
    void offer();

    QMainWindow& m_window;
    Store* m_store;
    std::unique_ptr<SyncEngineSupervisorSource> m_source;
    std::unique_ptr<SupervisorAccess> m_access;
    std::unique_ptr<SupervisorSettings> m_settings;
    std::unique_ptr<SupervisorBoard> m_board;
    std::unique_ptr<SupervisorView> m_view;
    QAction* m_action = nullptr;
};

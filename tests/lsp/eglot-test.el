;;; eglot-test.el --- Batch test: Emacs eglot drives jrnc lsp  -*- lexical-binding: t; -*-

;;; Commentary:

;; Run by tests/suites/lsp.sh as
;;   emacs -Q --batch -l tests/lsp/eglot-test.el
;; with JRN_ROOT, JRNC and TMP_DIR in the environment.  Opens a map in jrn-mode, starts
;; eglot (Debian's elpa-eglot, or the one built into Emacs 29) with the server program
;; jrn-mode registers, and checks that the diagnostics jrnc lsp publishes reach Flymake.
;; Prints one PASS:/FAIL: line per case.

;;; Code:

(require 'package)
;; Debian's elpa-* packages live here; -Q leaves them out of the package system.
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(add-to-list 'load-path (expand-file-name "editors/emacs" (getenv "JRN_ROOT")))
(require 'jrn-mode)
(require 'eglot)
(require 'flymake)

(defun eglot-test--report (name ok detail)
  "Print the case NAME as passed when OK, else failed with DETAIL."
  (princ (format "%s: eglot: %s\n" (if ok "PASS" "FAIL") name))
  (unless ok (princ (format "  %s\n" detail))))

(defun eglot-test--error-p (diag)
  "True when DIAG is an error (eglot 1.9 calls the type `eglot-error')."
  (memq (flymake-diagnostic-type diag) '(:error eglot-error)))

(defun eglot-test--wait (predicate seconds)
  "Let processes run until PREDICATE holds or SECONDS pass; return its value."
  (let ((deadline (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    value))

(let* ((tmp (file-name-as-directory (getenv "TMP_DIR")))
       (file (expand-file-name "eglot-map.jrn" tmp))
       (jrn-jrnc-program (getenv "JRNC"))
       (eglot-sync-connect t)
       (eglot-autoshutdown t))
  (with-temp-file file
    (insert "channel web \"Website\"\n"
            "stage look \"Look\" {\n"
            "  touchpoint browse \"Browse\" { channel: webb }\n"
            "}\n"))
  (find-file file)
  (eglot-test--report "the .jrn file opens in jrn-mode" (eq major-mode 'jrn-mode) major-mode)
  ;; What M-x eglot does, without the questions.
  (condition-case err (apply #'eglot (eglot--guess-contact)) (error (message "eglot: %S" err)))
  (eglot-test--wait (lambda () (eglot-current-server)) 20)
  (eglot-test--report "eglot starts jrnc lsp for the buffer, and its diagnostics replace jrn-flymake"
                      (and (eglot-current-server) (not (memq 'jrn-flymake flymake-diagnostic-functions)))
                      (list flymake-diagnostic-functions (with-current-buffer "*Messages*" (buffer-string))))
  (flymake-mode 1)
  (flymake-start)
  (let ((found (eglot-test--wait
                (lambda ()
                  (seq-find (lambda (diag)
                              (string-match-p "unknown channel 'webb'" (flymake-diagnostic-text diag)))
                            (flymake-diagnostics)))
                20)))
    (eglot-test--report "diagnostics reach Flymake: the unknown channel, on its line"
                        (and found (= (line-number-at-pos (flymake-diagnostic-beg found)) 3)
                             (eglot-test--error-p found)
                             (save-excursion (goto-char (flymake-diagnostic-beg found))
                                             (looking-at "webb")))
                        (mapcar #'flymake-diagnostic-text (flymake-diagnostics))))
  (goto-char (point-min))
  (search-forward "webb")
  (delete-char -1)
  ;; Eglot sends changes and Flymake checks on idle timers, which batch Emacs never runs.
  (eglot--signal-textDocument/didChange)
  (let ((cleared (eglot-test--wait
                  (lambda ()
                    (flymake-start)
                    (not (seq-find #'eglot-test--error-p (flymake-diagnostics))))
                  20)))
    (eglot-test--report "an edit clears the error" cleared
                        (mapcar #'flymake-diagnostic-text (flymake-diagnostics))))
  (let ((server (eglot-current-server)))
    (when server (eglot-shutdown server))
    (eglot-test--report "eglot shuts the server down"
                        (and server (not (process-live-p (jsonrpc--process server)))) server)))

;;; eglot-test.el ends here

;;; jrn-mode.el --- Major mode for jrnc journey maps  -*- lexical-binding: t; -*-

;; Keywords: languages
;; Version: 0.1.0
;; Package-Requires: ((emacs "26.1"))

;; This file is not part of GNU Emacs.

;;; Commentary:

;; A major mode for `.jrn' files, the journey-map language compiled by
;; jrnc.  It highlights comments (with TODO markers and `# jrnc:'
;; directives), reserved words, declared names, property names, flags,
;; enumerated values, strings with their escapes, """text blocks""",
;; numbers, percentages, ranges, dates, durations and the `->' operator.
;; It indents blocks, lists `imenu' entries for declarations, runs
;; `jrnc lint' through `compile' (\\[jrn-lint]) and checks the buffer as
;; you type with a Flymake backend (turn on `flymake-mode').
;;
;; Installation: put this file on `load-path' and add
;;
;;   (autoload 'jrn-mode "jrn-mode" nil t)
;;   (add-to-list 'auto-mode-alist '("\\.jrn\\'" . jrn-mode))
;;
;; or (require 'jrn-mode), which registers `.jrn' files itself.

;;; Code:

(require 'flymake)
(eval-when-compile (require 'subr-x))

(defvar compile-command)
(defvar compilation-ask-about-save)

(defgroup jrn nil
  "Editing jrnc journey maps."
  :group 'languages
  :prefix "jrn-")

(defcustom jrn-indent-offset 2
  "Number of columns for each level of block indentation."
  :type 'integer
  :safe #'integerp)

(defcustom jrn-jrnc-program "jrnc"
  "The jrnc compiler, as a program name on the variable `exec-path' or a file name."
  :type 'string)

(defcustom jrn-lint-arguments nil
  "Extra arguments for `jrnc lint', such as (\"-Wno-empty-stage\")."
  :type '(repeat string))

(defface jrn-number-face
  `((t :inherit ,(if (facep 'font-lock-number-face)
                     'font-lock-number-face
                   'font-lock-constant-face)))
  "Face for numbers, percentages, dates and durations.")

(defface jrn-escape-face
  `((t :inherit ,(if (facep 'font-lock-escape-face)
                     'font-lock-escape-face
                   'font-lock-regexp-grouping-backslash)))
  "Face for escape sequences in strings, such as \\n and \\u{1F600}.")

(defface jrn-operator-face
  `((t :inherit ,(if (facep 'font-lock-operator-face)
                     'font-lock-operator-face
                   'font-lock-builtin-face)))
  "Face for the step operator `->' and the range operator `..'.")

;;;; Syntax

(defvar jrn-mode-syntax-table
  (let ((table (make-syntax-table)))
    (modify-syntax-entry ?# "<" table)
    (modify-syntax-entry ?\n ">" table)
    (modify-syntax-entry ?\" "\"" table)
    (modify-syntax-entry ?\\ "\\" table)
    (modify-syntax-entry ?_ "_" table)
    (dolist (char '(?- ?> ?. ?% ?: ?, ?' ?+ ?* ?/ ?= ?< ?& ?| ?! ?? ?@ ?$ ?\; ?~ ?^ ?`))
      (modify-syntax-entry char "." table))
    table)
  "Syntax table for `jrn-mode'.")

(defun jrn--ppss (&optional pos)
  "Return `syntax-ppss' at POS, keeping point and the match data."
  (save-excursion (save-match-data (syntax-ppss pos))))

(defun jrn--syntax-propertize (start end)
  "Mark the quotes that open and close text blocks between START and END.
A text block runs from \"\"\" to \"\"\" over several lines.  Its first and
last quote become string fences, so the quotes in between and any single
quotes inside the block do not end it."
  (goto-char start)
  (while (re-search-forward "\"\"\"" end t)
    (let ((state (jrn--ppss (match-beginning 0))))
      (cond ((nth 4 state))               ; in a comment
            ((eq (nth 3 state) t)         ; in a text block: this closes it
             (put-text-property (1- (point)) (point)
                                'syntax-table (string-to-syntax "|")))
            ((nth 3 state)                ; in a one-line string
             (goto-char (1+ (match-beginning 0))))
            (t                            ; opens a text block
             (put-text-property (match-beginning 0) (1+ (match-beginning 0))
                                'syntax-table (string-to-syntax "|")))))))

;;;; Font lock

(defconst jrn-kinds
  '("map" "segment" "persona" "team" "channel" "stage" "touchpoint"
    "journey" "metric" "kpi")
  "Reserved words that start a declaration.")

(defconst jrn-flags '("truth" "backstage" "support" "pain" "delight")
  "Identifiers that stand alone in a block as flags.")

(defconst jrn-values
  '("higher" "lower" "daily" "weekly" "monthly" "quarterly" "yearly"
    "direct" "indirect" "digital" "human" "physical"
    "frustrated" "unhappy" "neutral" "pleased" "delighted")
  "Enumerated values and the labels of the standard emotion scale.")

(defconst jrn-properties
  '("owner" "version" "reviewed" "description" "size" "note" "role" "goal"
    "need" "trait" "attitude" "behavior" "motivation" "pain" "expectation"
    "quote" "lead" "contact" "kind" "emotion" "aspiration" "loops" "channel"
    "persona" "effort" "does" "thinks" "feels" "delight" "truth" "trigger"
    "opportunity" "target" "every" "why" "scale" "better" "unit" "labels"
    "rate" "after" "start" "ends" "rest" "evidence" "fail" "wait" "serves"
    "source")
  "Property names that jrnc knows; `x_' names are user extensions.")

(defconst jrn--identifier "[A-Za-z_][A-Za-z0-9_]*")

(defconst jrn--number-regexp
  (concat "\\(?:^\\|[^[:alnum:]_-]\\)"
          "\\("
          "[0-9]\\{4\\}-[0-9]\\{2\\}-[0-9]\\{2\\}\\_>"              ; date
          "\\|-?[0-9]+\\(?:\\.[0-9]+\\)?"
          "\\(?:%\\|\\(?:min\\|mo\\|[hdwy]\\)?\\_>\\)"              ; percent, duration
          "\\)")
  "Numbers, percentages, dates and durations; the number is group 1.")

(defun jrn--search-in (test regexp limit)
  "Search for REGEXP up to LIMIT, accepting a match that satisfies TEST.
TEST is called with the `syntax-ppss' state at the match's end."
  (let (found)
    (while (and (not found) (re-search-forward regexp limit t))
      (setq found (funcall test (jrn--ppss (match-end 0)))))
    found))

(defun jrn--match-comment-marker (limit)
  "Find a TODO, FIXME or XXX marker in a comment before LIMIT."
  (jrn--search-in (lambda (state) (nth 4 state))
                  "\\_<\\(?:TODO\\|FIXME\\|XXX\\)\\_>" limit))

(defun jrn--match-directive (limit)
  "Find a `jrnc: disable=RULE' directive in a comment before LIMIT."
  (jrn--search-in (lambda (state) (nth 4 state))
                  "#[ \t]*\\(jrnc:[ \t]*[[:alpha:]][[:alnum:]_-]*\\(?:=[^ \t\n]*\\)?\\)"
                  limit))

(defun jrn--match-escape (limit)
  "Find an escape sequence in a one-line string before LIMIT.
Group 1 is a valid escape, group 2 an invalid one.  Text blocks have
no escapes."
  (jrn--search-in (lambda (state) (eq (nth 3 state) ?\"))
                  "\\(\\\\\\(?:[\"\\\\nt]\\|u{[[:xdigit:]]\\{1,6\\}}\\)\\)\\|\\(\\\\.\\)"
                  limit))

(defvar jrn-font-lock-keywords
  `((jrn--match-comment-marker 0 'font-lock-warning-face t)
    (jrn--match-directive 1 'font-lock-preprocessor-face t)
    (jrn--match-escape (1 'jrn-escape-face t t) (2 'font-lock-warning-face t t))
    ;; These reserved words are never property names.
    ("\\_<use\\_>" . 'font-lock-preprocessor-face)
    (,(concat "\\_<\\(map\\)\\_>\\(?:[ \t]+\\(" jrn--identifier "\\)\\)?")
     (1 'font-lock-keyword-face)
     (2 'font-lock-function-name-face nil t))
    ("\\_<\\(?:extend\\|in\\|for\\)\\_>" . 'font-lock-keyword-face)
    ;; Property names come next: `channel: web' is a property, not a keyword.
    (,(concat "\\_<\\(" jrn--identifier "\\)[ \t]*:") 1 'font-lock-variable-name-face)
    (,(concat "\\_<" (regexp-opt jrn-kinds t) "\\_>"
              "\\(?:[ \t]+\\(" jrn--identifier "\\)\\)?")
     (1 'font-lock-keyword-face)
     (2 'font-lock-function-name-face nil t))
    (,(concat "\\_<" (regexp-opt jrn-flags t) "\\_>") 1 'font-lock-builtin-face)
    (,(concat "\\_<" (regexp-opt jrn-values t) "\\_>") 1 'font-lock-constant-face)
    (,jrn--number-regexp 1 'jrn-number-face)
    ("->\\|\\.\\." . 'jrn-operator-face))
  "Highlighting for `jrn-mode'.")

;;;; Indentation

(defun jrn--logical-line-start ()
  "Move to the start of the logical line around point.
That is the start of the line, or of the line that opens the text
block the line begins in."
  (beginning-of-line)
  (let ((state (jrn--ppss (point))))
    (while (nth 3 state)
      (goto-char (nth 8 state))
      (beginning-of-line)
      (setq state (jrn--ppss (point))))))

(defun jrn--previous-line-continues-p ()
  "Non-nil when the code before this line ends in `,', `->' or `:'.
Blank lines and comments in between are skipped."
  (save-excursion
    (beginning-of-line)
    (forward-comment (- (point)))
    (and (not (bobp))
         (looking-back "\\(?:,\\|->\\|:\\)" (max (point-min) (- (point) 2))))))

(defun jrn--statement-indentation (pos)
  "Return the indentation of the statement around POS.
A statement starts on the first of the lines continued by a trailing
`,', `->' or `:'."
  (save-excursion
    (goto-char pos)
    (jrn--logical-line-start)
    (while (jrn--previous-line-continues-p)
      (forward-comment (- (point)))
      (jrn--logical-line-start))
    (current-indentation)))

(defun jrn--aligned-comment-p ()
  "Non-nil when the line is a comment lined up with a trailing comment.
That is a comment at the end of a line of code above it, directly or
through more such lines:

  use \"std/spines/b2b\"   # stages: awareness, consideration,
                         # decision, onboarding, ..."
  (save-excursion
    (back-to-indentation)
    (when (looking-at-p "#")
      (let ((column (current-column))
            (result 'walking))
        (while (eq result 'walking)
          (if (/= (forward-line -1) 0)
              (setq result nil)
            (back-to-indentation)
            (unless (and (looking-at-p "#") (= (current-column) column))
              (let* ((code-start (point))
                     (state (jrn--ppss (line-end-position)))
                     (comment (and (nth 4 state) (nth 8 state))))
                (setq result
                      (and comment
                           (> comment code-start)
                           (not (nth 3 (jrn--ppss code-start)))
                           (= column (save-excursion (goto-char comment)
                                                     (current-column)))))))))
        result))))

(defun jrn--calculate-indentation ()
  "Return the column to indent the current line to.
Return nil for a line that begins inside a text block, since its
indentation is part of the text, and for a comment lined up with a
comment at the end of the line above."
  (save-excursion
    (beginning-of-line)
    (let ((state (jrn--ppss (point))))
      (unless (or (nth 3 state) (jrn--aligned-comment-p))
        (let* ((opener (nth 1 state))
               (base (if opener
                         (+ (jrn--statement-indentation opener) jrn-indent-offset)
                       0)))
          (back-to-indentation)
          (cond ((looking-at "[]}]") (max 0 (- base jrn-indent-offset)))
                ((and (or (null opener) (eq (char-after opener) ?{))
                      (jrn--previous-line-continues-p))
                 (+ base jrn-indent-offset))
                (t base)))))))

(defun jrn-indent-line ()
  "Indent the current line as `.jrn' source."
  (interactive)
  (let ((column (jrn--calculate-indentation)))
    (if (null column)
        'noindent
      (let ((offset (- (current-column) (current-indentation))))
        (indent-line-to column)
        (when (> offset 0)
          (forward-char offset))))))

;;;; jrnc: compile and Flymake

(defun jrn--lint-command (file)
  "Return the shell command that lints FILE."
  (mapconcat #'shell-quote-argument
             `(,jrn-jrnc-program "lint" ,@jrn-lint-arguments ,file)
             " "))

(defun jrn-lint ()
  "Run `jrnc lint' on the current file in a compilation buffer.
Its diagnostics are GCC-style, so \\[next-error] visits each of them."
  (interactive)
  (unless buffer-file-name
    (user-error "Save the buffer to a file first"))
  (save-some-buffers (not compilation-ask-about-save))
  (compile (jrn--lint-command (file-name-nondirectory buffer-file-name))))

(defconst jrn--diagnostic-regexp
  (concat "^\\(.+?\\):\\([0-9]+\\):\\([0-9]+\\): "
          "\\(error\\|warning\\|note\\): \\(.*\\)$")
  "A jrnc diagnostic: file, line, column, severity and message.")

(defconst jrn--stdin-names '("-" "<stdin>" "<standard input>" "stdin")
  "Names jrnc may give to standard input in diagnostics.")

(defvar-local jrn--flymake-process nil
  "The running `jrnc lint' of this buffer's Flymake check, if any.")

(defun jrn--flymake-diagnostics (source output)
  "Turn jrnc's OUTPUT (a string) into Flymake diagnostics for buffer SOURCE.
Findings in other files (those the buffer `use's) are shown on the
first line, with their location in front of the message."
  (let ((own (delq nil (list (buffer-file-name source))))
        diagnostics)
    (with-temp-buffer
      (insert output)
      (goto-char (point-min))
      (while (re-search-forward jrn--diagnostic-regexp nil t)
        (let* ((file (match-string 1))
               (line (string-to-number (match-string 2)))
               (column (string-to-number (match-string 3)))
               (type (pcase (match-string 4)
                       ("error" :error) ("warning" :warning) (_ :note)))
               (message (match-string 5))
               (here (or (member file jrn--stdin-names)
                         (member (expand-file-name file) own)))
               (region (with-current-buffer source
                         (if here
                             (flymake-diag-region source line column)
                           (flymake-diag-region source 1)))))
          (push (flymake-make-diagnostic
                 source (car region) (cdr region) type
                 (if here message (format "%s:%d:%d: %s" file line column message)))
                diagnostics))))
    (nreverse diagnostics)))

(defun jrn-flymake (report-fn &rest _args)
  "Flymake backend: run `jrnc lint' on the buffer and call REPORT-FN.
The buffer goes to jrnc on standard input, from the file's folder, so
relative `use' paths resolve as they do for the saved file."
  (unless (executable-find jrn-jrnc-program)
    (error "Cannot find jrnc: set `jrn-jrnc-program'"))
  (when (process-live-p jrn--flymake-process)
    (kill-process jrn--flymake-process))
  (let ((source (current-buffer))
        (default-directory (if buffer-file-name
                               (file-name-directory buffer-file-name)
                             default-directory)))
    (save-restriction
      (widen)
      (setq jrn--flymake-process
            (make-process
             :name "jrn-flymake"
             :noquery t
             :connection-type 'pipe
             :buffer (generate-new-buffer " *jrn-flymake*")
             :command `(,jrn-jrnc-program "lint" ,@jrn-lint-arguments "-")
             :sentinel
             (lambda (process _event)
               (when (memq (process-status process) '(exit signal))
                 (unwind-protect
                     (cond
                      ((not (buffer-live-p source)))
                      ((not (eq process (buffer-local-value 'jrn--flymake-process source)))
                       (flymake-log :warning "Canceling obsolete check %s" process))
                      ((and (eq (process-status process) 'exit)
                            (<= (process-exit-status process) 1))
                       (funcall report-fn
                                (jrn--flymake-diagnostics
                                 source
                                 (with-current-buffer (process-buffer process)
                                   (buffer-string)))))
                      (t
                       (funcall report-fn :panic
                                :explanation
                                (format "jrnc lint failed (%s): %s"
                                        (process-exit-status process)
                                        (with-current-buffer (process-buffer process)
                                          (string-trim (buffer-string)))))))
                   (kill-buffer (process-buffer process)))))))
      ;; jrnc may stop before reading it all (a usage or I/O error); its
      ;; exit is then reported by the sentinel.
      (condition-case nil
          (progn
            (process-send-region jrn--flymake-process (point-min) (point-max))
            (process-send-eof jrn--flymake-process))
        (error nil)))))

;;;; The mode

(defvar jrn-imenu-generic-expression
  (mapcar (lambda (kind)
            (list (concat (capitalize kind) "s")
                  (concat "^[ \t]*\\(?:extend[ \t]+\\)?" kind "[ \t]+\\("
                          jrn--identifier "\\)")
                  1))
          (reverse (remove "map" jrn-kinds)))
  "Declarations listed by `imenu', one submenu per kind.")

(defvar jrn-mode-map
  (let ((map (make-sparse-keymap)))
    (define-key map (kbd "C-c C-l") #'jrn-lint)
    map)
  "Keymap for `jrn-mode'.")

;;;###autoload
(define-derived-mode jrn-mode prog-mode "Jrn"
  "Major mode for jrnc journey maps (`.jrn' files).

Blocks are indented by `jrn-indent-offset' columns.  \\[jrn-lint] runs
`jrnc lint' on the file; with `flymake-mode' on, the buffer is linted
as you type.

\\{jrn-mode-map}"
  :syntax-table jrn-mode-syntax-table
  (setq-local comment-start "# ")
  (setq-local comment-end "")
  (setq-local comment-start-skip "#+[ \t]*")
  (setq-local syntax-propertize-function #'jrn--syntax-propertize)
  (setq-local font-lock-defaults '(jrn-font-lock-keywords))
  (setq-local indent-line-function #'jrn-indent-line)
  (setq-local electric-indent-chars (append "{}[]" electric-indent-chars))
  (setq-local imenu-generic-expression jrn-imenu-generic-expression)
  (when buffer-file-name
    (setq-local compile-command
                (jrn--lint-command (file-name-nondirectory buffer-file-name))))
  (add-hook 'flymake-diagnostic-functions #'jrn-flymake nil t))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.jrn\\'" . jrn-mode))

;; Eglot (built in from Emacs 29, Debian's elpa-eglot before) runs `jrnc lsp' for
;; `.jrn' buffers: M-x eglot, or (add-hook 'jrn-mode-hook #'eglot-ensure).  Its
;; diagnostics replace the Flymake backend above while eglot manages the buffer.
;;;###autoload
(with-eval-after-load 'eglot
  (defvar eglot-server-programs)
  (add-to-list 'eglot-server-programs
               `(jrn-mode . ,(lambda (&optional _interactive) (list jrn-jrnc-program "lsp")))))

(provide 'jrn-mode)

;;; jrn-mode.el ends here
